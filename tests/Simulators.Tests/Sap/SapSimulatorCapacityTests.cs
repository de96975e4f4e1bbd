namespace ServerlessSync.Simulators.Tests.Sap;

public sealed class SapSimulatorCapacityTests
{
    [Fact]
    public async Task Over_the_call_rate_answers_429_with_retry_after()
    {
        await using var sim = await SapSimHost.StartAsync(o => o.MaxCallsPerSecond = 1);

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, SapSimHost.SalesOrders);
            request.Headers.Authorization = sim.Basic();
            using var response = await sim.Http.SendAsync(request);
            statuses.Add((int)response.StatusCode);
            if (response.StatusCode == System.Net.HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("1", response.Headers.GetValues("Retry-After").Single());
            }
        }

        Assert.Equal(200, statuses[0]);
        Assert.Contains(429, statuses);
        Assert.True(sim.State.Metrics.Snapshot().Throttled >= 1);
    }

    [Fact]
    public async Task Over_the_concurrency_answers_503()
    {
        await using var sim = await SapSimHost.StartAsync(o =>
        {
            o.MaxConcurrency = 1;
            o.LatencyMs = 1000;
        });

        var calls = Enumerable.Range(0, 3).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, SapSimHost.SalesOrders);
            request.Headers.Authorization = sim.Basic();
            using var response = await sim.Http.SendAsync(request);
            return (int)response.StatusCode;
        });
        var statuses = await Task.WhenAll(calls);

        Assert.Contains(200, statuses);
        Assert.Contains(503, statuses);
        Assert.True(sim.State.Metrics.Snapshot().Overloaded >= 1);
    }

    [Fact]
    public async Task Injected_faults_answer_500_or_commit_and_drop_the_connection()
    {
        await using var sim = await SapSimHost.StartAsync(o => o.CommitThenTimeoutHoldMs = 200);
        var (token, cookies) = await sim.FetchTokenAsync();

        sim.Options.TransientFailureRate = 1;
        var failed = await sim.PostOrderAsync(SapSimHost.Order("DY-F"), token, cookies);
        sim.Options.TransientFailureRate = 0;
        sim.Options.CommitThenTimeoutRate = 1;
        var dropped = await Assert.ThrowsAnyAsync<HttpRequestException>(() => sim.PostOrderAsync(SapSimHost.Order("DY-T"), token, cookies));

        Assert.Equal(500, failed.Status);
        Assert.Equal("/IWFND/CM_BEC/026", failed.Body!["error"]!["code"]!.GetValue<string>());
        Assert.NotNull(dropped);
        Assert.Equal(["DY-T"], sim.State.Orders.Select(o => o.PurchaseOrderByCustomer));
        Assert.Equal(1, sim.State.Metrics.Snapshot().CommitThenTimeouts);
    }
}
