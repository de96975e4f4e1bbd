using ServerlessSync.Pipeline.Quarantine;

namespace ServerlessSync.Pipeline.Tests.Shipments;

/// <summary>
/// The shipment queue worked with the real Douyin order client and delivery sender against the simulator, and the real
/// queue, ledger, profiles, quarantine and alerts on Azurite. The worker's clock is the test's (retry times).
/// </summary>
public sealed class ShipmentWriteBackTests(DouyinSimulatorHostFixture sim) : DouyinShopTests(sim)
{
    private static readonly ShipmentOptions Settings = new() { AlertAfterAttempts = 2, MaxAttempts = 4, RetryBaseSeconds = 10, DefaultCallsPerSecond = 1000 };

    private sealed record Rig(ShipmentWriteBack Worker, ShipmentQueue Queue, QuarantineApi Quarantine, MappingProfile Profile, StatsReader Stats, Shop Shop) : Shop(Shop);

    private async Task<Rig> RigAsync()
    {
        var shop = await NewShopAsync();
        var (storage, clock) = (shop.Storage, shop.Clock);
        var queue = new ShipmentQueue(storage);
        var index = new QuarantineIndex(storage);
        var held = new ShipmentQuarantine(index, queue, clock);
        var profile = await shop.SaveDemoProfileAsync();
        var stats = Options.Create(new StatsOptions { Shards = 2 });
        var recorder = new StatsRecorder(storage, stats, new OrdersByDayIndex(storage), clock, NullLogger<StatsRecorder>.Instance);
        var worker = new ShipmentWriteBack(
            queue, held, shop.Ledger, recorder, shop.Profiles, [new DouyinOrderClient(Http, shop.Api)], [new DouyinShipmentSender(Http, shop.Api)],
            shop.Alerts, Options.Create(Settings), clock, NullLogger<ShipmentWriteBack>.Instance);
        return new Rig(worker, queue, new QuarantineApi(index, new IntakeQueue(storage), held, clock), profile, new StatsReader(storage, stats), shop);
    }

    /// <summary>A synced platform order whose lines sell mapped SKUs, and an ERP shipment of it queued as the pickup leaves it.</summary>
    private async Task<(OrderKey Key, DouyinSimOrder Order, ErpShipment Shipment)> ShippedInErpAsync(
        Rig rig, string shipmentNo, string carrier = "SF", Func<DouyinSimOrder, IReadOnlyList<ShippedGoods>>? lines = null)
    {
        var generated = Sim.Store.CreateOrders(1, rig.ShopId).Single();
        var line = generated.Lines[0] with { Code = "SKU-LIP-01", ItemNum = 2 };
        var order = generated with { Lines = [line, line with { OrderId = line.OrderId + "2", Code = "SKU-CREAM-50", SkuId = line.SkuId + "2", ItemNum = 1 }] };
        Sim.Store.Put(order);
        var key = new OrderKey(PlatformNames.Douyin, rig.ShopId, order.OrderId);
        var shipment = new ErpShipment(shipmentNo, "SO-" + shipmentNo, carrier, "WB" + shipmentNo, rig.Clock.GetUtcNow(), lines?.Invoke(order) ?? []);
        await rig.RecordSyncedAsync(key, shipment.ErpOrderNumber);
        await rig.Queue.AddAsync(key, shipment, rig.Clock.GetUtcNow(), CancellationToken.None);
        return (key, order, shipment);
    }

    private static async Task<LedgerShipment> RecordedAsync(Rig rig, OrderKey key) =>
        Assert.Single((await rig.Ledger.GetAsync(key, CancellationToken.None))!.Shipments);

    [Fact]
    public async Task A_whole_shipment_reaches_the_platform_with_the_mapped_carrier_and_the_ledger_records_it()
    {
        var rig = await RigAsync();
        var (key, order, shipment) = await ShippedInErpAsync(rig, "OUT-1");

        var result = await rig.Worker.RunAsync(CancellationToken.None);

        Assert.Equal(1, result.Sent);
        var parcel = Assert.Single(Sim.Store.Find(order.OrderId)!.Parcels);
        Assert.Equal(("shunfeng", shipment.TrackingNumber), (parcel.CompanyCode, parcel.TrackingNo));
        Assert.Equal(DouyinSimStatus.Shipped, Sim.Store.Find(order.OrderId)!.OrderStatus);
        var recorded = await RecordedAsync(rig, key);
        Assert.Equal((ShipmentState.OnPlatform, "SF", "shunfeng", shipment.TrackingNumber, false), (recorded.State, recorded.Carrier, recorded.PlatformCarrier, recorded.TrackingNumber, recorded.Partial));
        Assert.Empty(await rig.Queue.ListOfOrderAsync(key, CancellationToken.None));
        var counted = (await rig.Stats.ReadDayAsync(StatsDay.Of(rig.Clock.GetUtcNow()), CancellationToken.None)).Total;
        Assert.Equal((1, 1), (counted["Shipped"], counted["OnPlatform"]));
    }

    [Fact]
    public async Task A_shipment_retried_after_platform_failures_and_after_a_lost_answer_reaches_the_platform_exactly_once()
    {
        var rig = await RigAsync();
        var (key, order, shipment) = await ShippedInErpAsync(rig, "OUT-2");
        await WhilePlatformFailsAsync(async () =>
        {
            var failed = await rig.Worker.RunAsync(CancellationToken.None);
            Assert.Equal(1, failed.Failed);
            Assert.Equal(ShipmentState.Pending, (await RecordedAsync(rig, key)).State);
            Assert.Equal(0, (await rig.Worker.RunAsync(CancellationToken.None)).Failed); // not due yet
        });

        // The next try's delivery call got through but its answer was lost: the platform holds the parcel, the queue does not know.
        Sim.Store.Ship(order.OrderId, "shunfeng", shipment.TrackingNumber, null);
        rig.Clock.Advance(Settings.RetryDelay(1));
        var retried = await rig.Worker.RunAsync(CancellationToken.None);

        Assert.Equal((0, 1), (retried.Sent, retried.AlreadyThere));
        Assert.Single(Sim.Store.Find(order.OrderId)!.Parcels);
        Assert.Equal(ShipmentState.OnPlatform, (await RecordedAsync(rig, key)).State);
        Assert.Empty(await rig.Queue.ListOfOrderAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task Repeated_failures_alert_and_the_last_try_gives_the_shipment_up()
    {
        var rig = await RigAsync();
        var (key, order, _) = await ShippedInErpAsync(rig, "OUT-3");
        await WhilePlatformFailsAsync(async () =>
        {
            for (var run = 1; run <= Settings.MaxAttempts; run++)
            {
                await rig.Worker.RunAsync(CancellationToken.None);
                Assert.Equal(run >= Settings.AlertAfterAttempts, (await AlertedAsync(rig)).Contains(key.InstanceId));
                rig.Clock.Advance(TimeSpan.FromSeconds(Settings.RetryMaxSeconds));
            }
        });

        var recorded = await RecordedAsync(rig, key);
        Assert.Equal(ShipmentState.Failed, recorded.State);
        Assert.StartsWith($"given up after {Settings.MaxAttempts} tries: PlatformTransientException", recorded.Note, StringComparison.Ordinal);
        Assert.Empty(await rig.Queue.ListOfOrderAsync(key, CancellationToken.None));
        Assert.Empty(Sim.Store.Find(order.OrderId)!.Parcels);
    }

    [Fact]
    public async Task An_unmapped_carrier_is_quarantined_and_once_the_profile_maps_it_a_release_sends_it()
    {
        var rig = await RigAsync();
        var (key, order, shipment) = await ShippedInErpAsync(rig, "OUT-4", carrier: "YTO");

        var first = await rig.Worker.RunAsync(CancellationToken.None);

        Assert.Equal(1, first.Quarantined);
        Assert.Empty(Sim.Store.Find(order.OrderId)!.Parcels);
        Assert.Equal(ShipmentState.CarrierUnmapped, (await RecordedAsync(rig, key)).State);
        var counted = (await rig.Stats.ReadDayAsync(StatsDay.Of(rig.Clock.GetUtcNow()), CancellationToken.None)).Total;
        Assert.Equal((1, 0), (counted["Shipped"], counted["OnPlatform"])); // the ERP shipped it; the platform does not know yet
        var listed = (await rig.Quarantine.ListAsync(CancellationToken.None)).Body;
        Assert.Contains("YTO", listed, StringComparison.Ordinal);
        Assert.Contains("has no platform carrier code in the profile's carriers".Replace("'", "\\u0027", StringComparison.Ordinal), listed, StringComparison.Ordinal);
        Assert.Contains(key.InstanceId, listed, StringComparison.Ordinal);
        Assert.Equal(0, (await rig.Worker.RunAsync(CancellationToken.None)).Quarantined); // set aside: not worked again

        await rig.Profiles.SaveAsync(rig.Profile with { Carriers = new Dictionary<string, string>(rig.Profile.Carriers) { ["YTO"] = "yuantong" } }, "test", CancellationToken.None);
        rig.Clock.Advance(TimeSpan.FromMinutes(1)); // past the profile cache
        var released = await rig.Quarantine.ReleaseAsync($$"""{"reason":"carrier 'YTO'"}""", CancellationToken.None);
        var sent = await rig.Worker.RunAsync(CancellationToken.None);

        Assert.Equal(202, released.Reply.StatusCode);
        Assert.Equal(1, sent.Sent);
        Assert.Equal(("yuantong", shipment.TrackingNumber), (Sim.Store.Find(order.OrderId)!.Parcels.Single().CompanyCode, Sim.Store.Find(order.OrderId)!.Parcels.Single().TrackingNo));
        Assert.Equal(ShipmentState.OnPlatform, (await RecordedAsync(rig, key)).State);
        Assert.DoesNotContain(key.InstanceId, (await rig.Quarantine.ListAsync(CancellationToken.None)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_outbound_document_with_some_of_the_goods_ships_those_lines_only()
    {
        var rig = await RigAsync();
        var (key, order, shipment) = await ShippedInErpAsync(rig, "OUT-5", lines: _ => [new ShippedGoods("MAT-LIP-01", 2), new ShippedGoods("MAT-FREIGHT", 1)]);

        var result = await rig.Worker.RunAsync(CancellationToken.None);

        Assert.Equal(1, result.Sent);
        var held = Sim.Store.Find(order.OrderId)!;
        Assert.Equal(DouyinSimStatus.PartlyShipped, held.OrderStatus);
        Assert.Equal([new DouyinSimParcelItem(order.Lines[0].OrderId, 2)], held.Parcels.Single().Items);
        var recorded = await RecordedAsync(rig, key);
        Assert.True(recorded.Partial);
        Assert.Equal(shipment.TrackingNumber, recorded.TrackingNumber);
    }

    private static Task<List<string>> AlertedAsync(Rig rig) => rig.AlertedAsync(AlertKind.ShipmentFailed);
}
