namespace ServerlessSync.Pipeline.Tests.Core;

public class OrderLedgerTests
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 18, 20, 0, 0, TimeSpan.Zero);

    private static LedgerEntry New(OrderKey key) => new() { Key = key, Status = SyncStatus.Received, UpdatedAt = T0 };

    [Fact]
    public async Task Update_creates_the_row_then_changes_it_and_Get_reads_it_back()
    {
        var ledger = new OrderLedger(await CoreStorage.CreateAsync());
        var key = new OrderKey("wechat", "shop-1", "3719483120938475639");

        Assert.Null(await ledger.GetAsync(key, default));

        LedgerEntry? seenByFirst = new LedgerEntry { Key = key, Status = SyncStatus.Failed };
        var created = await ledger.UpdateAsync(key, current =>
        {
            seenByFirst = current;
            return (New(key) with { PlatformStatus = OrderStatus.Paid, PaidAmountFen = 12_345 }).With(SyncStatus.PendingStock, "waiting for stock", T0, reason: "M-1 short");
        }, default);
        Assert.Null(seenByFirst);

        LedgerEntry? seenBySecond = null;
        await ledger.UpdateAsync(key, current => (seenBySecond = current)!.With(SyncStatus.Synced, "created XSDD9", T0.AddMinutes(1), erpOrderNumber: "XSDD9"), default);
        Assert.Equal(created.History, seenBySecond!.History);

        var stored = await ledger.GetAsync(key, default);
        Assert.NotNull(stored);
        Assert.Equal(key, stored.Key);
        Assert.Equal(SyncStatus.Synced, stored.Status);
        Assert.Equal(OrderStatus.Paid, stored.PlatformStatus);
        Assert.Equal("XSDD9", stored.ErpOrderNumber);
        Assert.Equal(12_345, stored.PaidAmountFen);
        Assert.Null(stored.Reason);
        Assert.Equal(T0.AddMinutes(1), stored.UpdatedAt);
        Assert.Equal(
            [new LedgerHistoryItem(T0, SyncStatus.PendingStock, "waiting for stock"), new LedgerHistoryItem(T0.AddMinutes(1), SyncStatus.Synced, "created XSDD9")],
            stored.History);
    }

    [Fact]
    public async Task Concurrent_updates_lose_nothing()
    {
        var ledger = new OrderLedger(await CoreStorage.CreateAsync());
        var key = new OrderKey("douyin", "shop-1", "6920000000000000042");
        const int writers = 20;

        await Task.WhenAll(Enumerable.Range(0, writers).Select(i => Task.Run(() =>
            ledger.UpdateAsync(key, current => (current ?? New(key)).With(SyncStatus.PendingStock, $"writer {i}", T0.AddSeconds(i)), default))));

        var stored = await ledger.GetAsync(key, default);
        Assert.NotNull(stored);
        Assert.Equal(writers, stored.History.Count);
        Assert.Equal(Enumerable.Range(0, writers).Select(i => $"writer {i}").Order(), stored.History.Select(h => h.Note).Order());
    }

    [Fact]
    public async Task ListShop_returns_the_shops_orders_only()
    {
        var ledger = new OrderLedger(await CoreStorage.CreateAsync());
        foreach (var (shop, order) in new[] { ("shop-a", "1"), ("shop-a", "2"), ("shop-b", "3") })
        {
            var key = new OrderKey("kuaishou", shop, order);
            await ledger.UpdateAsync(key, _ => New(key), default);
        }

        var listed = new List<LedgerEntry>();
        await foreach (var e in ledger.ListShopAsync("kuaishou", "shop-a", default))
        {
            listed.Add(e);
        }

        Assert.Equal(["1", "2"], listed.Select(e => e.Key.OrderId).Order());
        Assert.All(listed, e => Assert.Equal("shop-a", e.Key.ShopId));
        Assert.Empty(await ToListAsync(ledger.ListShopAsync("douyin", "shop-a", default)));
    }

    [Fact]
    public async Task A_full_history_of_long_notes_still_fits_in_one_row()
    {
        // Quarantine notes list every unmapped SKU; fifty long notes must not make the row unwritable.
        var ledger = new OrderLedger(await CoreStorage.CreateAsync());
        var key = new OrderKey("douyin", "shop-1", "6920000000000000077");
        var longNote = "unmapped SKU: " + string.Join(", ", Enumerable.Range(0, 150).Select(i => $"35000000{i:D4}"));
        for (var i = 0; i < LedgerEntry.MaxHistory; i++)
        {
            var n = i;
            await ledger.UpdateAsync(key, c => (c ?? New(key)).With(SyncStatus.Quarantined, $"{n} {longNote}", T0.AddSeconds(n), reason: longNote), default);
        }

        var last = await ledger.UpdateAsync(key, c => c!.With(SyncStatus.Synced, "mapping fixed, created XSDD1", T0.AddHours(1), erpOrderNumber: "XSDD1"), default);

        var stored = await ledger.GetAsync(key, default);
        Assert.NotNull(stored);
        Assert.Equal(SyncStatus.Synced, stored.Status);
        Assert.Equal("XSDD1", stored.ErpOrderNumber);
        Assert.Equal(last.History[^1], stored.History[^1]);
        Assert.True(stored.History.Count > 1);
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
