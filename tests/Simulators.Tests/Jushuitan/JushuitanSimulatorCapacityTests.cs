using static ServerlessSync.Simulators.Tests.Jushuitan.JushuitanSimHost;

namespace ServerlessSync.Simulators.Tests.Jushuitan;

public sealed class JushuitanSimulatorCapacityTests
{
    private const string Inventory = """{"sku_ids":"MAT-LIP-01"}""";

    [Fact]
    public async Task Calls_above_the_rate_answer_199_and_above_concurrency_200()
    {
        await using var sim = await StartAsync(o => o.MaxCallsPerSecond = 5);

        var burst = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => sim.CallAsync(JushuitanPaths.InventoryQuery, Inventory)));
        sim.Options.MaxCallsPerSecond = 0;
        sim.Options.MaxConcurrency = 2;
        sim.Options.LatencyMs = 1000;
        var parallel = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => sim.CallAsync(JushuitanPaths.InventoryQuery, Inventory)));

        Assert.InRange(burst.Count(a => Code(a.Body) == 199), 8, 16);
        Assert.All(burst, a => Assert.Equal(200, a.Status));
        Assert.InRange(parallel.Count(a => Code(a.Body) == 200), 3, 4);
        Assert.InRange(parallel.Count(a => Code(a.Body) == 0), 2, 3);
        Assert.Equal(burst.Count(a => Code(a.Body) == 199) + parallel.Count(a => Code(a.Body) == 200), sim.State.Metrics.Snapshot().Throttled);
    }

    [Fact]
    public async Task Faults_500_commit_then_timeout_and_business_reject_behave_as_configured()
    {
        await using var sim = await StartAsync(o => o.CommitThenTimeoutHoldMs = 300);

        sim.Options.TransientFailureRate = 1;
        var (status500, _) = await sim.CallAsync(JushuitanPaths.OrdersUpload, new JsonArray(Order("JST-500")).ToJsonString());
        sim.Options.TransientFailureRate = 0;
        sim.Options.BusinessRejectRate = 1;
        var rejected = await sim.UploadAsync(Order("JST-REJ"));
        sim.Options.BusinessRejectRate = 0;
        sim.Options.CommitThenTimeoutRate = 1;
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => sim.UploadAsync(Order("JST-LOST")));

        Assert.Equal(500, status500);
        Assert.False(rejected["data"]!["datas"]![0]!["issuccess"]!.GetValue<bool>());
        Assert.Equal("JST-LOST", sim.State.Orders.Single().SoId);
        var metrics = sim.State.Metrics.Snapshot();
        Assert.Equal(1, metrics.TransientFailures);
        Assert.Equal(1, metrics.BusinessRejects);
        Assert.Equal(1, metrics.CommitThenTimeouts);
    }

    [Fact]
    public async Task Inspection_reports_orders_with_net_order_bill_no_sets_stock_and_resets()
    {
        await using var sim = await StartAsync();
        await sim.UploadAsync(Order("JST-R1"));
        using var set = await sim.Http.PostAsync("jushuitan/_sim/stock",
            new StringContent("""{"material":"MAT-LIP-02","quantity":10,"orderLock":2,"pickLock":1}""", System.Text.Encoding.UTF8, "application/json"));

        var report = JsonNode.Parse(await sim.Http.GetStringAsync("jushuitan/_sim/orders"))!;
        var metrics = JsonNode.Parse(await sim.Http.GetStringAsync("jushuitan/_sim/metrics"))!;
        var stock = sim.State.Store.Stock()["MAT-LIP-02"];
        using var reset = await sim.Http.PostAsync("jushuitan/_sim/reset", null);

        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        Assert.Equal(7m, stock.Qty - stock.OrderLock - stock.PickLock);
        Assert.Equal(1, report["count"]!.GetValue<int>());
        var order = report["orders"]![0]!;
        Assert.Equal("JST-R1", order["netOrderBillNo"]!.GetValue<string>());
        Assert.Equal(order["o_id"]!.GetValue<long>().ToString(System.Globalization.CultureInfo.InvariantCulture), order["billNo"]!.GetValue<string>());
        Assert.Equal("WaitConfirm", order["status"]!.GetValue<string>());
        Assert.Empty(report["duplicates"]!.AsArray());
        Assert.Equal(1, metrics["totalCalls"]!.GetValue<long>());
        Assert.Empty(sim.State.Orders);
        Assert.Equal(DemoCatalog.DefaultStock, sim.State.Store.Stock()["MAT-LIP-02"].Qty);
    }
}
