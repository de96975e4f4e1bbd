using static ServerlessSync.Simulators.Tests.YonBip.YonBipSimHost;

namespace ServerlessSync.Simulators.Tests.YonBip;

public sealed class YonBipSimulatorCapacityTests
{
    [Fact]
    public async Task Calls_above_the_rate_answer_310046_and_are_counted()
    {
        await using var sim = await StartAsync(o => o.MaxCallsPerSecond = 5);
        await sim.GetTokenAsync();
        var body = YonBipStockQuery.BuildBody("MAT-LIP-01");

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => sim.CallAsync(YonBipPaths.CurrentStock, body)));

        var throttled = answers.Count(a => Code(a.Body) == "310046");
        Assert.InRange(throttled, 8, 16);
        Assert.All(answers, a => Assert.Equal(200, a.Status));
        var metrics = sim.State.Metrics.Snapshot();
        Assert.Equal(throttled, metrics.Throttled);
        Assert.Equal(21, metrics.TotalCalls);
    }

    [Fact]
    public async Task Calls_above_max_concurrency_answer_310039()
    {
        await using var sim = await StartAsync(o => o.MaxConcurrency = 2);
        await sim.GetTokenAsync();
        sim.Options.LatencyMs = 1000;

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => sim.CallAsync(YonBipPaths.CurrentStock, "{}")));

        Assert.InRange(answers.Count(a => Code(a.Body) == "310039"), 3, 4);
        Assert.InRange(answers.Count(a => Code(a.Body) == "200"), 2, 3);
        Assert.True(sim.State.Metrics.Snapshot().PeakConcurrency >= 3);
    }

    [Fact]
    public async Task Sales_order_quota_per_minute_throttles_save_list_and_detail_but_not_stock()
    {
        await using var sim = await StartAsync(o => o.SalesOrderCallsPerMinute = 2);
        await sim.GetTokenAsync();

        var lists = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            lists.Add(Code((await sim.CallAsync(YonBipPaths.SaleOrderList, "{}")).Body));
        }

        var (_, stock) = await sim.CallAsync(YonBipPaths.CurrentStock, "{}");

        Assert.Equal(["200", "200", "310046"], lists);
        Assert.Equal("200", Code(stock));
    }

    [Fact]
    public async Task Faults_500_commit_then_timeout_and_business_reject_behave_as_configured()
    {
        await using var sim = await StartAsync(o => o.CommitThenTimeoutHoldMs = 300);
        await sim.GetTokenAsync();

        sim.Options.TransientFailureRate = 1;
        var (status500, _) = await sim.CallAsync(YonBipPaths.SaleOrderSave, new JsonObject { ["data"] = SaveData("DY-500") }.ToJsonString());
        sim.Options.TransientFailureRate = 0;
        sim.Options.BusinessRejectRate = 1;
        var rejected = await sim.SaveAsync("DY-REJ");
        sim.Options.BusinessRejectRate = 0;
        sim.Options.CommitThenTimeoutRate = 1;
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => sim.SaveAsync("DY-LOST", key: "dyDY-LOST"));

        Assert.Equal(500, status500);
        Assert.Equal("999", Code(rejected));
        Assert.Equal("DY-LOST", sim.State.Orders.Single().ExternalOrderNo);
        var metrics = sim.State.Metrics.Snapshot();
        Assert.Equal(1, metrics.TransientFailures);
        Assert.Equal(1, metrics.BusinessRejects);
        Assert.Equal(1, metrics.CommitThenTimeouts);
    }

    [Fact]
    public async Task Inspection_lists_orders_with_net_order_bill_no_and_duplicates_sets_stock_and_resets()
    {
        await using var sim = await StartAsync();
        await sim.GetTokenAsync();
        await sim.SaveAsync("DY-DUP");
        await sim.SaveAsync("DY-DUP");
        await sim.SaveAsync("DY-ONE");
        using var set = await sim.Http.PostAsync("yonbip/_sim/stock",
            new StringContent("""{"material":"MAT-NEW-1","quantity":12.5}""", System.Text.Encoding.UTF8, "application/json"));
        var (_, stock) = await sim.CallAsync(YonBipPaths.CurrentStock, YonBipStockQuery.BuildBody("MAT-NEW-1"));

        var report = JsonNode.Parse(await sim.Http.GetStringAsync("yonbip/_sim/orders"))!;
        var metrics = JsonNode.Parse(await sim.Http.GetStringAsync("yonbip/_sim/metrics"))!;
        using var reset = await sim.Http.PostAsync("yonbip/_sim/reset", null);

        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        Assert.Equal(12.5m, stock!["data"]![0]!["currentqty"]!.GetValue<decimal>());
        Assert.Equal(3, report["count"]!.GetValue<int>());
        var first = report["orders"]![0]!;
        Assert.Equal("DY-DUP", first["netOrderBillNo"]!.GetValue<string>());
        Assert.Equal("0", first["status"]!.GetValue<string>());
        Assert.StartsWith("UO-", first["billNo"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(100m, first["payMoney"]!.GetValue<decimal>());
        Assert.Equal("GIFT", first["lines"]![1]!["orderProductType"]!.GetValue<string>());
        Assert.Equal(["DY-DUP"], report["duplicates"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal(5, metrics["totalCalls"]!.GetValue<long>());
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Empty(sim.State.Orders);
        Assert.Equal(0, sim.State.Tokens.Count);
        Assert.False(sim.State.Store.ProductExists("MAT-NEW-1"));
    }
}
