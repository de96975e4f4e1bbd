using static ServerlessSync.Pipeline.Tests.Stats.StatsTestData;

namespace ServerlessSync.Pipeline.Tests.Stats;

/// <summary>The counters on Azurite: exactly once per state change, also with several workers racing on the same rows.</summary>
public sealed class StatsRecorderTests
{
    private const string Day = "2025-06-18";

    private sealed record Worker(StorageClients Storage, StatsRecorder Recorder, StatsReader Reader);

    /// <summary>One "process": its own storage clients on the shared tables of one test.</summary>
    private static async Task<Worker> WorkerAsync(string prefix, int shards)
    {
        var storage = await CoreStorage.CreateAsync(prefix);
        var options = Options.Create(new StatsOptions { Shards = shards });
        return new Worker(storage, new StatsRecorder(storage, options, new OrdersByDayIndex(storage), TimeProvider.System, NullLogger<StatsRecorder>.Instance), new StatsReader(storage, options));
    }

    [Fact]
    public async Task Re_running_the_same_state_counts_once_and_a_state_change_moves_the_counts()
    {
        var w = await WorkerAsync(Azurite.UniqueName("t"), 4);
        var paid = Entry("A1", SyncStatus.Quarantined, OrderStatus.Paid, 9_900, Created);
        var synced = Entry("A1", SyncStatus.Synced, OrderStatus.Paid, 9_900, Created.AddSeconds(30), "XSDD001");

        await w.Recorder.RecordAsync(paid, Facts(), CancellationToken.None);
        await w.Recorder.RecordAsync(paid, Facts(), CancellationToken.None);
        var afterQuarantine = await w.Reader.ReadDayAsync(Day, CancellationToken.None);
        Assert.Equal(1, afterQuarantine.Total["Received"]);
        Assert.Equal(0, afterQuarantine.Total["Mapped"]);
        Assert.Equal(1, afterQuarantine.Statuses["Quarantined"]);

        await w.Recorder.RecordAsync(synced, Facts(erpMs: 700), CancellationToken.None);
        await w.Recorder.RecordAsync(synced, Facts(erpMs: 700), CancellationToken.None);
        await w.Recorder.RecordAsync(paid, Facts(), CancellationToken.None); // a late, older ledger state
        var day = await w.Reader.ReadDayAsync(Day, CancellationToken.None);

        Assert.Equal(1, day.Total["Received"]);
        Assert.Equal(1, day.Total["SalesOrders"]);
        Assert.Equal(9_900, day.Total["SalesFen"]);
        Assert.Equal(1, day.Total["InErp"]);
        Assert.Equal(1, day.Total["LatencyCount"]);
        Assert.Equal(0, day.Statuses["Quarantined"]);
        Assert.Equal(1, day.Statuses["Synced"]);
        Assert.Equal(9_900, day.Dimension("anchor")["71000001"]["Fen"]);
        Assert.Equal(2, day.Dimension("product")["SKU-LIP-01"]["Qty"]);

        var indexed = await new OrdersByDayIndex(w.Storage).ListAsync(PlatformNames.Douyin, "100200300", Day, 10, CancellationToken.None);
        var row = Assert.Single(indexed);
        Assert.Equal(("A1", SyncStatus.Synced, "XSDD001"), (row.OrderId, row.Status, row.ErpOrderNumber));
    }

    [Fact]
    public async Task Three_workers_recording_every_state_of_every_order_several_times_in_any_order_count_each_order_exactly_once()
    {
        var prefix = Azurite.UniqueName("t");
        var workers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => WorkerAsync(prefix, 2)));
        var random = new Random(7);
        var orders = Enumerable.Range(0, 40).Select(i => (Id: $"C{i:D3}", Fen: 1_000L + i, Anchor: i % 3 == 0 ? "A" : "B")).ToList();
        var calls = new List<(int Worker, LedgerEntry Entry, OrderSalesFacts Facts)>();
        foreach (var o in orders)
        {
            var facts = Facts(anchor: o.Anchor, anchorName: "anchor " + o.Anchor, erpMs: 900);
            for (var copy = 0; copy < 2; copy++)
            {
                calls.Add((random.Next(3), Entry(o.Id, SyncStatus.PendingStock, OrderStatus.Paid, o.Fen, Created), facts));
                calls.Add((random.Next(3), Entry(o.Id, SyncStatus.Synced, OrderStatus.Paid, o.Fen, Created.AddSeconds(10), "XS" + o.Id), facts));
            }
        }

        await Parallel.ForEachAsync(calls.OrderBy(_ => random.Next()).ToList(), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (call, ct) =>
            await workers[call.Worker].Recorder.ApplyAsync(call.Entry, call.Facts, ct));

        var day = await workers[0].Reader.ReadDayAsync(Day, CancellationToken.None);
        Assert.Equal(40, day.Total["Received"]);
        Assert.Equal(40, day.Total["SalesOrders"]);
        Assert.Equal(orders.Sum(o => o.Fen), day.Total["SalesFen"]);
        Assert.Equal(40, day.Total["InErp"]);
        Assert.Equal(40, day.Total["LatencyCount"]);
        Assert.Equal(40, day.Statuses["Synced"]);
        Assert.Equal(0, day.Statuses["PendingStock"]);
        Assert.Equal(orders.Where(o => o.Anchor == "A").Sum(o => o.Fen), day.Dimension("anchor")["A"]["Fen"]);
        Assert.Equal(orders.Count(o => o.Anchor == "B"), day.Dimension("anchor")["B"]["Orders"]);
        Assert.Equal(80, day.Dimension("product")["SKU-LIP-01"]["Qty"]);
    }

    [Fact]
    public async Task The_summary_api_reports_the_counters_the_funnel_the_queue_and_unsold_profile_products_as_slow_movers()
    {
        var w = await WorkerAsync(Azurite.UniqueName("t"), 4);
        var clock = TimeProvider.System;
        var profiles = new ProfileStore(w.Storage, clock);
        await profiles.SaveAsync(ProfileStore.Parse(await File.ReadAllTextAsync(Path.Combine(Azurite.RepositoryRoot(), "config", "profiles", "douyin-100200300.json"))), "test", CancellationToken.None);
        await w.Recorder.RecordAsync(Entry("S1", SyncStatus.Synced, OrderStatus.Paid, 19_600, Created, "X1"), Facts(erpMs: 400), CancellationToken.None);
        await w.Recorder.RecordAsync(
            Entry("S2", SyncStatus.Synced, OrderStatus.Paid, 25_900, Created, "X2"),
            Facts(anchor: "71000002", anchorName: "主播阿杰", room: "7300000000000000002", erpMs: 2_500, lines: [new SalesLine("SKU-CREAM-50", "保湿面霜 50ml", 1, 25_900, false)]),
            CancellationToken.None);
        await w.Recorder.RecordAsync(Entry("S3", SyncStatus.CancelledBeforeErp, OrderStatus.Cancelled, 6_900, Created), Facts(), CancellationToken.None);
        await (await w.Storage.QueueAsync(w.Storage.IntakeQueueName)).SendMessageAsync("{}");
        var shipments = Options.Create(new ShipmentOptions());
        var backlog = new ShippingBacklog(w.Reader, new OrdersByDayIndex(w.Storage), w.Storage, shipments, clock);
        var api = new StatsSummaryApi(w.Reader, new QueueHealth(w.Storage), profiles, backlog, Options.Create(new StatsOptions { Shards = 4, TopProducts = 10 }), shipments, clock);

        var reply = await api.GetAsync(Day, CancellationToken.None);

        Assert.Equal(200, reply.StatusCode);
        var s = JsonDocument.Parse(reply.Body).RootElement;
        Assert.Equal(2, s.GetProperty("totals").GetProperty("orders").GetInt64());
        Assert.Equal(45_500, s.GetProperty("totals").GetProperty("salesFen").GetInt64());
        Assert.Equal(1, s.GetProperty("totals").GetProperty("cancelled").GetInt64());
        Assert.Equal([3L, 2L, 2L, 2L, 0L, 0L], s.GetProperty("funnel").EnumerateArray().Select(f => f.GetProperty("orders").GetInt64()));
        var anchors = s.GetProperty("byAnchor").EnumerateArray().ToList();
        Assert.Equal(("主播阿杰", 25_900L), (anchors[0].GetProperty("name").GetString(), anchors[0].GetProperty("salesFen").GetInt64()));
        Assert.Equal(("主播小美", 19_600L), (anchors[1].GetProperty("name").GetString(), anchors[1].GetProperty("salesFen").GetInt64()));
        Assert.Equal(2, s.GetProperty("byLiveSession").GetArrayLength());
        Assert.Equal("抖音·小店自卖", s.GetProperty("byChannel")[0].GetProperty("key").GetString());
        var slow = s.GetProperty("products").GetProperty("slow").EnumerateArray().Select(p => p.GetProperty("key").GetString()).ToList();
        Assert.Contains("SKU-SERUM-30", slow); // in the profile, sold nothing
        Assert.DoesNotContain("SKU-CREAM-50", slow);
        var health = s.GetProperty("health");
        Assert.Equal(1, health.GetProperty("intakeQueue").GetProperty("depth").GetInt32());
        Assert.Equal(2, health.GetProperty("erpLatency").GetProperty("count").GetInt64());
        Assert.Equal(2_500, health.GetProperty("erpLatency").GetProperty("maxMs").GetInt64());
        Assert.Equal(1, health.GetProperty("statuses").GetProperty("CancelledBeforeErp").GetInt64());

        Assert.Equal(400, (await api.GetAsync("18-06-2025", CancellationToken.None)).StatusCode);
    }
}
