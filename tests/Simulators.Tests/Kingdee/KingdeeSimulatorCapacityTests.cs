namespace ServerlessSync.Simulators.Tests.Kingdee;

public sealed class KingdeeSimulatorCapacityTests
{
    private static int MsgCodeOfQuery(JsonNode? answer) =>
        answer is JsonArray rows && rows.Count > 0 && rows[0] is JsonArray row && row.Count > 0 && row[0] is JsonObject status
            ? status["Result"]!["ResponseStatus"]!["MsgCode"]!.GetValue<int>()
            : 0;

    [Fact]
    public async Task Calls_above_the_rate_answer_msgcode_14_and_are_counted()
    {
        await using var sim = await KingdeeSimHost.StartAsync(o => o.MaxCallsPerSecond = 5);
        await sim.LoginAsync();
        var query = KingdeeStockQuery.ForMaterials(["MAT-LIP-01"]).ToBody();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => sim.CallAsync(KingdeeServices.ExecuteBillQuery, query)));

        var throttled = answers.Count(a => MsgCodeOfQuery(a.Body) == 14);
        Assert.InRange(throttled, 8, 16);
        var metrics = sim.State.Metrics.Snapshot();
        Assert.Equal(throttled, metrics.Throttled);
        Assert.Equal(21, metrics.TotalCalls);
        Assert.True(metrics.PeakCallsPerSecond >= 6);
    }

    [Fact]
    public async Task Calls_above_max_concurrency_answer_msgcode_14()
    {
        await using var sim = await KingdeeSimHost.StartAsync(o => o.MaxConcurrency = 2);
        await sim.LoginAsync();
        sim.Options.LatencyMs = 1000;
        var query = KingdeeStockQuery.ForMaterials(["MAT-LIP-01"]).ToBody();

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => sim.CallAsync(KingdeeServices.ExecuteBillQuery, query)));

        Assert.InRange(answers.Count(a => MsgCodeOfQuery(a.Body) == 14), 3, 4);
        Assert.InRange(answers.Count(a => MsgCodeOfQuery(a.Body) == 0), 2, 3);
        Assert.True(sim.State.Metrics.Snapshot().PeakConcurrency >= 3);
    }

    [Fact]
    public async Task Transient_failure_rate_answers_http_500_without_storing()
    {
        await using var sim = await KingdeeSimHost.StartAsync();
        await sim.LoginAsync();
        sim.Options.TransientFailureRate = 1;

        var (status, _) = await sim.CallAsync(KingdeeServices.Save, KingdeeSimHost.SaveBody("DY-500"));

        Assert.Equal(500, status);
        Assert.Empty(sim.State.Bills);
        Assert.Equal(1, sim.State.Metrics.Snapshot().TransientFailures);
    }

    [Fact]
    public async Task Commit_then_timeout_stores_the_bill_but_never_answers()
    {
        await using var sim = await KingdeeSimHost.StartAsync(o =>
        {
            o.CommitThenTimeoutRate = 1;
            o.CommitThenTimeoutHoldMs = 300;
        });
        await sim.LoginAsync();

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => sim.CallAsync(KingdeeServices.Save, KingdeeSimHost.SaveBody("DY-LOST")));

        Assert.Equal("DY-LOST", sim.State.Bills.Single().NetOrderBillNo);
        Assert.Equal(1, sim.State.Metrics.Snapshot().CommitThenTimeouts);
    }

    [Fact]
    public async Task Slow_commit_stores_the_bill_after_the_client_gave_up_waiting()
    {
        await using var sim = await KingdeeSimHost.StartAsync(o =>
        {
            o.SlowCommitRate = 1;
            o.SlowCommitSeconds = 2;
        });
        await sim.LoginAsync();
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        using var request = new HttpRequestMessage(HttpMethod.Post, KingdeeSimHost.Path(KingdeeServices.Save))
        {
            Content = new StringContent(KingdeeSimHost.SaveBody("DY-SLOW"), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("kdservice-sessionid", sim.SessionId!);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sim.Http.SendAsync(request, giveUp.Token));
        var atGiveUp = sim.State.Bills.Count;
        for (var i = 0; i < 100 && sim.State.Bills.Count == 0; i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(0, atGiveUp);
        Assert.Equal("DY-SLOW", sim.State.Bills.Single().NetOrderBillNo);
        Assert.Equal(1, sim.State.Metrics.Snapshot().SlowCommits);
    }

    [Fact]
    public async Task Business_reject_rate_refuses_valid_saves_with_msgcode_11()
    {
        await using var sim = await KingdeeSimHost.StartAsync(o => o.BusinessRejectRate = 1);
        await sim.LoginAsync();

        var answer = await sim.SaveAsync("DY-REJ");

        Assert.Equal(11, answer["Result"]!["ResponseStatus"]!["MsgCode"]!.GetValue<int>());
        Assert.Empty(sim.State.Bills);
    }
}
