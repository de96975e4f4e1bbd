using static ServerlessSync.Pipeline.Tests.Stats.StatsTestData;

namespace ServerlessSync.Pipeline.Tests.Stats;

/// <summary>The dashboard's shipping figures: the funnel's "shipped" and "tracking on platform", and the oldest order awaiting shipment per shop.</summary>
public sealed class ShippingStatsTests
{
    private const string Day = "2025-06-18";

    private static LedgerShipment Shipment(ShipmentState state) =>
        new("OUT-1", "SF", state == ShipmentState.OnPlatform ? "shunfeng" : null, "SF100", Created, state, false, "test", Created);

    private static LedgerEntry Synced(string orderId, string shop = "100200300") => Entry(orderId, SyncStatus.Synced, OrderStatus.Paid, 9_900, Created, "XS-" + orderId, shop);

    [Fact]
    public void Shipments_count_as_shipped_then_on_platform_and_a_late_older_state_does_not_take_them_back()
    {
        var synced = ContributionBuilder.Next(null, Synced("1"), Facts(), Created);
        var picked = ContributionBuilder.Next(synced, Synced("1") with { Shipments = [Shipment(ShipmentState.Pending)] }, null, Created);
        var onPlatform = ContributionBuilder.Next(picked, Synced("1") with { Shipments = [Shipment(ShipmentState.OnPlatform)] }, null, Created);
        var late = ContributionBuilder.Next(onPlatform, Synced("1"), Facts(), Created);

        Assert.Equal((false, false, true), (synced.Shipped, synced.OnPlatform, synced.AwaitingShipment));
        Assert.Equal((true, false, true), (picked.Shipped, picked.OnPlatform, picked.AwaitingShipment));
        Assert.Equal((true, true, false), (onPlatform.Shipped, onPlatform.OnPlatform, onPlatform.AwaitingShipment));
        Assert.Equal((true, true, false), (late.Shipped, late.OnPlatform, late.AwaitingShipment));
        var delta = CounterRows.Delta(CounterRows.Of(synced), CounterRows.Of(onPlatform));
        var total = Assert.Single(delta).Value.Values; // the day total only: no row the sync path does not write already
        Assert.Equal(new Dictionary<string, long> { ["Shipped"] = 1, ["OnPlatform"] = 1, [CounterRows.AwaitingShipment] = -1 }, total);
    }

    [Fact]
    public void Only_synced_paid_orders_in_the_erp_await_shipment()
    {
        var refunded = ContributionBuilder.Next(null, Entry("2", SyncStatus.Synced, OrderStatus.Refunded, 9_900, Created, "XS-2"), Facts(), Created);
        var quarantined = ContributionBuilder.Next(null, Entry("3", SyncStatus.Quarantined, OrderStatus.Paid, 9_900, Created), Facts(), Created);

        Assert.False(refunded.AwaitingShipment);
        Assert.False(quarantined.AwaitingShipment);
    }

    [Fact]
    public void The_oldest_awaiting_order_of_a_day_is_picked_by_creation_time_and_counted_with_the_others()
    {
        DayOrder Order(string id, DateTimeOffset? created, SyncStatus status = SyncStatus.Synced, OrderStatus paid = OrderStatus.Paid, bool onPlatform = false) =>
            new(id, status, paid, 100, "XS-" + id, created, onPlatform);
        var dayStart = new DateTimeOffset(2025, 6, 18, 0, 0, 0, TimeSpan.FromHours(8));

        var oldest = OldestAwaiting.Of("douyin", "1", Day, [
            Order("late", Created.AddHours(2)),
            Order("first-but-shipped", Created.AddHours(-5), onPlatform: true),
            Order("first-but-refunded", Created.AddHours(-5), paid: OrderStatus.Refunded),
            Order("first-but-not-in-erp", Created.AddHours(-5), SyncStatus.Quarantined),
            Order("early", Created.AddHours(1)),
        ]);
        var unknownTime = OldestAwaiting.Of("douyin", "1", Day, [Order("known", Created), Order("unknown", null)]);

        Assert.Equal(("early", Created.AddHours(1), 2), (oldest!.OrderId, oldest.Since, oldest.AwaitingThatDay));
        Assert.Equal(("unknown", dayStart), (unknownTime!.OrderId, unknownTime.Since));
        Assert.Null(OldestAwaiting.Of("douyin", "1", Day, [Order("shipped", Created, onPlatform: true)]));
    }

    [Fact]
    public async Task The_backlog_keeps_each_shops_oldest_awaiting_order_and_the_summary_shows_it_aged_with_the_shipping_funnel()
    {
        var storage = await CoreStorage.CreateAsync();
        var clock = new ManualClock(Created.AddDays(2));
        var stats = Options.Create(new StatsOptions { Shards = 4 });
        var shipments = Options.Create(new ShipmentOptions { BacklogRefreshSeconds = 60, BacklogLookbackDays = 7 });
        var byDay = new OrdersByDayIndex(storage);
        var recorder = new StatsRecorder(storage, stats, byDay, clock, NullLogger<StatsRecorder>.Instance);
        var reader = new StatsReader(storage, stats);
        var backlog = new ShippingBacklog(reader, byDay, storage, shipments, clock);
        async Task Record(LedgerEntry entry, DateTimeOffset created) => await recorder.RecordAsync(entry, Facts() with { CreatedAt = created }, CancellationToken.None);

        await Record(Synced("A1") with { Shipments = [Shipment(ShipmentState.OnPlatform)] }, Created);
        await Record(Synced("A2"), Created.AddHours(1));
        await Record(Synced("A3"), Created.AddDays(1));
        await Record(Synced("B1", "200"), Created.AddDays(1).AddHours(2));
        await Record(Entry("B2", SyncStatus.Quarantined, OrderStatus.Paid, 100, Created, shop: "200"), Created);
        await Record(Synced("C1", "300") with { Shipments = [Shipment(ShipmentState.OnPlatform)] }, Created);

        var first = await backlog.RefreshIfDueAsync(CancellationToken.None);
        var notDue = await backlog.RefreshIfDueAsync(CancellationToken.None);
        await recorder.RecordAsync(Synced("A2") with { Shipments = [Shipment(ShipmentState.OnPlatform)] }, null, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(60));
        var afterShipping = await backlog.RefreshIfDueAsync(CancellationToken.None);

        Assert.Equal([("100200300", "A2", 1), ("200", "B1", 1)], first!.Shops.Select(s => (s.ShopId, s.OrderId, s.AwaitingThatDay)));
        Assert.Null(notDue);
        Assert.Equal([("100200300", "A3", "2025-06-19"), ("200", "B1", "2025-06-19")], afterShipping!.Shops.Select(s => (s.ShopId, s.OrderId, s.Day)));

        var api = new StatsSummaryApi(reader, new QueueHealth(storage), new ProfileStore(storage, clock), backlog, stats, shipments, clock);
        var summary = JsonDocument.Parse((await api.GetAsync(Day, CancellationToken.None)).Body).RootElement;
        var totals = summary.GetProperty("totals");
        Assert.Equal((3L, 3L, 0L), (totals.GetProperty("shipped").GetInt64(), totals.GetProperty("onPlatform").GetInt64(), totals.GetProperty("awaitingShipment").GetInt64()));
        Assert.Equal(["received", "paid", "mapped", "inErp", "shipped", "onPlatform"], summary.GetProperty("funnel").EnumerateArray().Select(f => f.GetProperty("stage").GetString()));
        var shipping = summary.GetProperty("shipping");
        Assert.Equal(clock.GetUtcNow(), shipping.GetProperty("asOf").GetDateTimeOffset());
        var oldest = shipping.GetProperty("shops")[0];
        Assert.Equal(("douyin:100200300", "A3", "XS-A3"), (oldest.GetProperty("shop").GetString(), oldest.GetProperty("oldestOrderId").GetString(), oldest.GetProperty("erpOrderNumber").GetString()));
        Assert.Equal((long)(clock.GetUtcNow() - Created.AddDays(1)).TotalSeconds, oldest.GetProperty("ageSeconds").GetInt64());
        Assert.Equal(2, shipping.GetProperty("shops").GetArrayLength());
    }
}
