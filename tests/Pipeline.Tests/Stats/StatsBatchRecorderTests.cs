using static ServerlessSync.Pipeline.Tests.Stats.StatsTestData;

namespace ServerlessSync.Pipeline.Tests.Stats;

/// <summary>A batch run's stats on Azurite: the same counts as recording each order alone, exactly once per state.</summary>
public sealed class StatsBatchRecorderTests
{
    private const string Day = "2025-06-18";

    private sealed record Worker(StorageClients Storage, StatsRecorder Single, StatsBatchRecorder Batch, StatsReader Reader);

    private static async Task<Worker> WorkerAsync(string prefix, int shards)
    {
        var storage = await CoreStorage.CreateAsync(prefix);
        var options = Options.Create(new StatsOptions { Shards = shards });
        var byDay = new OrdersByDayIndex(storage);
        return new Worker(
            storage,
            new StatsRecorder(storage, options, byDay, TimeProvider.System, NullLogger<StatsRecorder>.Instance),
            new StatsBatchRecorder(storage, options, byDay, TimeProvider.System, NullLogger<StatsBatchRecorder>.Instance),
            new StatsReader(storage, options));
    }

    private static List<(LedgerEntry Entry, OrderSalesFacts? Facts)> Orders(int count, SyncStatus status, DateTimeOffset at) =>
        Enumerable.Range(0, count).Select(i => (
            Entry($"B{i:D3}", status, i % 5 == 0 ? OrderStatus.Cancelled : OrderStatus.Paid, 1_000L + i, at, status == SyncStatus.Synced ? $"XS{i:D3}" : null),
            (OrderSalesFacts?)Facts(
                anchor: i % 3 == 0 ? "A" : "B",
                anchorName: "anchor " + (i % 3 == 0 ? "A" : "B"),
                erpMs: status == SyncStatus.Synced ? 100 * i : null,
                lines: [new SalesLine(i % 2 == 0 ? "SKU-LIP-01" : "SKU-CREAM-50", "p", 1 + (i % 3), 1_000L + i, false)])))
        .ToList();

    [Fact]
    public async Task A_batch_counts_exactly_what_recording_each_order_alone_counts()
    {
        var alone = await WorkerAsync(Azurite.UniqueName("t"), 4);
        var together = await WorkerAsync(Azurite.UniqueName("t"), 4);
        var orders = Orders(60, SyncStatus.Synced, Created);

        foreach (var (entry, facts) in orders)
        {
            await alone.Single.RecordAsync(entry, facts, CancellationToken.None);
        }

        await together.Batch.RecordAsync(orders, CancellationToken.None);
        var expected = await alone.Reader.ReadDayAsync(Day, CancellationToken.None);
        var actual = await together.Reader.ReadDayAsync(Day, CancellationToken.None);

        Assert.Equal(expected.Total.Values, actual.Total.Values);
        Assert.Equal(expected.Statuses.Values, actual.Statuses.Values);
        foreach (var dimension in new[] { "anchor", "product", "shop", "channel" })
        {
            Assert.Equal(expected.Dimension(dimension).Keys.Order(), actual.Dimension(dimension).Keys.Order());
            Assert.All(expected.Dimension(dimension), row => Assert.Equal(row.Value.Values, actual.Dimension(dimension)[row.Key].Values));
        }

        var indexed = await new OrdersByDayIndex(together.Storage).ListAsync(PlatformNames.Douyin, "100200300", Day, 100, CancellationToken.None);
        Assert.Equal(60, indexed.Count);
    }

    [Fact]
    public async Task A_batch_recorded_again_or_an_older_state_changes_nothing_and_a_newer_state_moves_the_counts()
    {
        var w = await WorkerAsync(Azurite.UniqueName("t"), 2);
        var quarantined = Orders(20, SyncStatus.Quarantined, Created);
        var synced = Orders(20, SyncStatus.Synced, Created.AddSeconds(30));

        await w.Batch.RecordAsync(quarantined, CancellationToken.None);
        await w.Batch.RecordAsync(synced, CancellationToken.None);
        await w.Batch.RecordAsync(synced, CancellationToken.None);
        await w.Batch.RecordAsync(quarantined, CancellationToken.None); // late, older ledger states
        var day = await w.Reader.ReadDayAsync(Day, CancellationToken.None);

        Assert.Equal(20, day.Total["Received"]);
        Assert.Equal(20, day.Total["InErp"]);
        Assert.Equal(0, day.Statuses["Quarantined"]);
        Assert.Equal(20, day.Statuses["Synced"]);
        Assert.Equal(synced.Where(o => o.Entry.PlatformStatus == OrderStatus.Paid).Sum(o => o.Entry.PaidAmountFen), day.Total["SalesFen"]);
    }

    [Fact]
    public async Task Batches_racing_on_the_same_rows_with_overlapping_orders_count_each_order_once()
    {
        var prefix = Azurite.UniqueName("t");
        var workers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => WorkerAsync(prefix, 2)));
        var orders = Orders(45, SyncStatus.Synced, Created);
        var random = new Random(11);
        var batches = Enumerable.Range(0, 9).Select(_ => orders.OrderBy(_ => random.Next()).Take(25).ToList()).Append(orders).ToList();

        await Parallel.ForEachAsync(batches.Select((b, i) => (Batch: b, Worker: workers[i % 3])), new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (run, ct) =>
            await run.Worker.Batch.RecordAsync(run.Batch, ct));

        var day = await workers[0].Reader.ReadDayAsync(Day, CancellationToken.None);
        Assert.Equal(45, day.Total["Received"]);
        Assert.Equal(45, day.Statuses["Synced"]);
        var sold = orders.Where(o => o.Entry.PlatformStatus == OrderStatus.Paid).ToList();
        Assert.Equal(sold.Sum(o => o.Entry.PaidAmountFen), day.Total["PaidFen"]);
        Assert.Equal(sold.Sum(o => (long)o.Facts!.Lines[0].Quantity), day.Dimension("product").Values.Sum(p => p["Qty"]));
    }
}
