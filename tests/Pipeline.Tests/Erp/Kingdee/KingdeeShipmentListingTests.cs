using static ServerlessSync.Pipeline.Tests.Erp.Kingdee.KingdeeConnectorHarness;

namespace ServerlessSync.Pipeline.Tests.Erp.Kingdee;

/// <summary>ExecuteBillQuery on SAL_OUTSTOCK against the simulator: audited outbound bills since a watermark, with carrier, waybill and entries.</summary>
public sealed class KingdeeShipmentListingTests
{
    [Fact]
    public async Task Lists_shipped_orders_with_carrier_waybill_and_lines_and_only_those_approved_since_the_watermark()
    {
        await using var h = await StartAsync();
        var source = h.Services.GetRequiredService<IErpShipmentSource>();
        var first = await h.Connector.CreateSalesOrderAsync(Order("DY-S-1", Line("MAT-LIP-01", 3, 10000), Line("MAT-CREAM-50", 1, 5000)), CancellationToken.None);
        var second = await h.Connector.CreateSalesOrderAsync(Order("DY-S-2"), CancellationToken.None);
        var firstBill = h.Sim.Bills.Single(b => b.BillNo == first.ErpOrderNumber);
        var secondBill = h.Sim.Bills.Single(b => b.BillNo == second.ErpOrderNumber);
        var early = DateTimeOffset.UtcNow.AddHours(-2);
        h.Sim.OutStocks.Ship(KingdeeSimulatorState.Shippable(firstBill), "SF", "SF1234567890", [new SimShipLine("MAT-LIP-01", 2)], early);
        var late = DateTimeOffset.UtcNow.AddMinutes(-1);
        h.Sim.OutStocks.Ship(KingdeeSimulatorState.Shippable(firstBill), "ZTO", "ZT0000000001", null, late);
        h.Sim.OutStocks.Ship(KingdeeSimulatorState.Shippable(secondBill), "SF", "SF0000000002", null, late);

        var all = await source.ListShippedSinceAsync(early.AddSeconds(-1), CancellationToken.None);
        var recent = await source.ListShippedSinceAsync(early.AddMinutes(30), CancellationToken.None);

        Assert.Equal("Kingdee", source.Kind);
        Assert.Equal(3, all.Shipments.Count);
        var partial = all.Shipments[0];
        Assert.Equal((first.ErpOrderNumber, "SF", "SF1234567890"), (partial.ErpOrderNumber, partial.Carrier, partial.TrackingNumber));
        Assert.Equal([new ShippedGoods("MAT-LIP-01", 2)], partial.Lines);
        Assert.Equal(early.ToUnixTimeSeconds(), partial.ShippedAt.ToUnixTimeSeconds());
        var rest = all.Shipments[1];
        Assert.Equal([new ShippedGoods("MAT-LIP-01", 1), new ShippedGoods("MAT-CREAM-50", 1)], rest.Lines);
        Assert.Equal(["ZT0000000001", "SF0000000002"], recent.Shipments.Select(s => s.TrackingNumber));
        Assert.Equal(late.ToUnixTimeSeconds(), recent.NewestChange!.Value.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task The_simulator_never_ships_more_than_is_left_and_ships_unaudited_orders_not_at_all()
    {
        await using var h = await StartAsync(o => o.CommitThenTimeoutRate = 1);
        await Assert.ThrowsAsync<ErpTransientException>(() => h.Connector.CreateSalesOrderAsync(Order("DY-S-3"), CancellationToken.None));
        h.Sim.Options.CommitThenTimeoutRate = 0;
        var saved = h.Sim.Bills.Single();
        var audited = await h.Connector.CreateSalesOrderAsync(Order("DY-S-4"), CancellationToken.None);
        var bill = h.Sim.Bills.Single(b => b.BillNo == audited.ErpOrderNumber);

        var (unaudited, why) = h.Sim.OutStocks.Ship(KingdeeSimulatorState.Shippable(saved), "SF", null, null, DateTimeOffset.UtcNow);
        var (tooMany, tooManyWhy) = h.Sim.OutStocks.Ship(KingdeeSimulatorState.Shippable(bill), "SF", null, [new SimShipLine("MAT-LIP-01", 4)], DateTimeOffset.UtcNow);
        var (whole, _) = h.Sim.OutStocks.Ship(KingdeeSimulatorState.Shippable(bill), "SF", null, null, DateTimeOffset.UtcNow);
        var (again, againWhy) = h.Sim.OutStocks.Ship(KingdeeSimulatorState.Shippable(bill), "SF", null, null, DateTimeOffset.UtcNow);

        Assert.Null(unaudited);
        Assert.Contains("未审核", why, StringComparison.Ordinal);
        Assert.Null(tooMany);
        Assert.Contains("超过", tooManyWhy, StringComparison.Ordinal);
        Assert.Equal([new SimShipLine("MAT-LIP-01", 3)], whole!.Lines);
        Assert.Null(again);
        Assert.Contains("已全部出库", againWhy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Automatic_shipping_ships_audited_orders_once_after_the_delay()
    {
        await using var h = await StartAsync(o => o.AutoShipAfterSeconds = 0.001);
        var source = h.Services.GetRequiredService<IErpShipmentSource>();
        var created = await h.Connector.CreateSalesOrderAsync(Order("DY-S-5"), CancellationToken.None);
        await Task.Delay(10);

        var first = await source.ListShippedSinceAsync(DateTimeOffset.UtcNow.AddMinutes(-5), CancellationToken.None);
        var second = await source.ListShippedSinceAsync(DateTimeOffset.UtcNow.AddMinutes(-5), CancellationToken.None);

        var shipment = Assert.Single(first.Shipments);
        Assert.Equal((created.ErpOrderNumber, "SF"), (shipment.ErpOrderNumber, shipment.Carrier));
        Assert.Equal(shipment, Assert.Single(second.Shipments), ShipmentComparer.Instance);
    }

    private sealed class ShipmentComparer : IEqualityComparer<ErpShipment>
    {
        public static readonly ShipmentComparer Instance = new();

        public bool Equals(ErpShipment? x, ErpShipment? y) =>
            x is not null && y is not null && x.ShipmentNo == y.ShipmentNo && x.TrackingNumber == y.TrackingNumber && x.Lines.SequenceEqual(y.Lines);

        public int GetHashCode(ErpShipment obj) => obj.ShipmentNo.GetHashCode(StringComparison.Ordinal);
    }
}
