using static ServerlessSync.Pipeline.Tests.Erp.Sap.SapConnectorHarness;

namespace ServerlessSync.Pipeline.Tests.Erp.Sap;

/// <summary>A_OutbDeliveryHeader against the simulator: deliveries with goods issue posted since a watermark, with forwarding agent, bill of lading and items.</summary>
public sealed class SapShipmentListingTests
{
    [Fact]
    public async Task Lists_deliveries_with_carrier_waybill_and_items_since_the_watermark_over_several_pages()
    {
        await using var h = await StartAsync(
            s => s.ServerPageSize = 2,
            settings: v => v["Erp:Sap:ShipmentPageSize"] = "2");
        var source = h.Services.GetRequiredService<IErpShipmentSource>();
        var first = await h.Connector.CreateSalesOrderAsync(Order("DY-SAP-S-1", Line("MAT-LIP-01", 3, 10000), Line("MAT-CREAM-50", 1, 5000)), CancellationToken.None);
        var second = await h.Connector.CreateSalesOrderAsync(Order("DY-SAP-S-2"), CancellationToken.None);
        var third = await h.Connector.CreateSalesOrderAsync(Order("DY-SAP-S-3"), CancellationToken.None);
        var orders = h.Sim.ShippableOrders().ToDictionary(o => o.Number);
        var twoDaysAgo = DateTimeOffset.UtcNow.AddDays(-2);
        var early = DateTimeOffset.UtcNow.AddHours(-2);
        var late = DateTimeOffset.UtcNow.AddMinutes(-1);
        h.Sim.Deliveries.Ship(orders[third.ErpOrderNumber!], "SF", "SF0000000003", null, twoDaysAgo);
        h.Sim.Deliveries.Ship(orders[first.ErpOrderNumber!], "SF", "SF1234567890", [new SimShipLine("MAT-LIP-01", 2)], early);
        h.Sim.Deliveries.Ship(orders[first.ErpOrderNumber!], "ZTO", "ZT0000000001", null, late);
        h.Sim.Deliveries.Ship(orders[second.ErpOrderNumber!], "SF", "SF0000000002", null, late);
        var callsBefore = h.Calls("GET A_OutbDeliveryHeader");

        var sinceEarly = await source.ListShippedSinceAsync(early.AddSeconds(-1), CancellationToken.None);
        var recent = await source.ListShippedSinceAsync(early.AddMinutes(30), CancellationToken.None);

        Assert.Equal("Sap", source.Kind);
        Assert.True(h.Calls("GET A_OutbDeliveryHeader") - callsBefore >= 3, "three deliveries of today in pages of two take more than one call");
        Assert.Equal(3, sinceEarly.Shipments.Count);
        var partial = sinceEarly.Shipments[0];
        Assert.Equal((first.ErpOrderNumber, "SF", "SF1234567890"), (partial.ErpOrderNumber, partial.Carrier, partial.TrackingNumber));
        Assert.Equal([new ShippedGoods("MAT-LIP-01", 2)], partial.Lines);
        Assert.Equal(early.ToUnixTimeSeconds(), partial.ShippedAt.ToUnixTimeSeconds());
        Assert.Equal([new ShippedGoods("MAT-LIP-01", 1), new ShippedGoods("MAT-CREAM-50", 1)], sinceEarly.Shipments[1].Lines);
        Assert.Equal(["ZT0000000001", "SF0000000002"], recent.Shipments.Select(s => s.TrackingNumber));
        Assert.Equal(late.ToUnixTimeSeconds(), recent.NewestChange!.Value.ToUnixTimeSeconds());
        Assert.DoesNotContain(sinceEarly.Shipments, s => s.TrackingNumber == "SF0000000003");
    }

    [Fact]
    public async Task The_simulator_delivers_no_more_than_is_open_and_a_rejected_order_not_at_all_and_auto_ships_once()
    {
        await using var h = await StartAsync(s => s.AutoShipAfterSeconds = 0.001);
        var source = h.Services.GetRequiredService<IErpShipmentSource>();
        var rejected = await h.Connector.CreateSalesOrderAsync(Order("DY-SAP-S-4"), CancellationToken.None);
        await h.Connector.ReverseAsync((await h.Connector.FindByExternalOrderNoAsync("DY-SAP-S-4", CancellationToken.None))!, "cancelled", CancellationToken.None);
        var open = await h.Connector.CreateSalesOrderAsync(Order("DY-SAP-S-5"), CancellationToken.None);
        var order = h.Sim.ShippableOrders().Single(o => o.Number == open.ErpOrderNumber);
        var (tooMany, tooManyWhy) = h.Sim.Deliveries.Ship(order, "SF", null, [new SimShipLine("MAT-LIP-01", 4)], DateTimeOffset.UtcNow);
        await Task.Delay(10);

        var first = await source.ListShippedSinceAsync(DateTimeOffset.UtcNow.AddMinutes(-5), CancellationToken.None);
        var second = await source.ListShippedSinceAsync(DateTimeOffset.UtcNow.AddMinutes(-5), CancellationToken.None);

        Assert.Null(tooMany);
        Assert.Contains("超过", tooManyWhy, StringComparison.Ordinal);
        var shipment = Assert.Single(first.Shipments);
        Assert.Equal((open.ErpOrderNumber, "SF", new ShippedGoods("MAT-LIP-01", 3)), (shipment.ErpOrderNumber, shipment.Carrier, Assert.Single(shipment.Lines)));
        Assert.Equal(shipment.ShipmentNo, Assert.Single(second.Shipments).ShipmentNo);
        var (again, againWhy) = h.Sim.Deliveries.Ship(h.Sim.ShippableOrders().Single(o => o.Number == rejected.ErpOrderNumber), "SF", null, null, DateTimeOffset.UtcNow);
        Assert.Null(again);
        Assert.Contains("no open item", againWhy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_gateway_is_transient_and_a_delivery_without_its_goods_issue_date_is_a_protocol_error()
    {
        await using var h = await StartAsync();
        var source = h.Services.GetRequiredService<IErpShipmentSource>();
        h.Sim.Options.TransientFailureRate = 1;

        await Assert.ThrowsAsync<ErpTransientException>(() => source.ListShippedSinceAsync(DateTimeOffset.UtcNow.AddHours(-1), CancellationToken.None));
        var error = Assert.Throws<ErpProtocolException>(() => Domain.Erp.Sap.SapOutboundDeliveryQuery.Parse(
            """{"d":{"results":[{"DeliveryDocument":"80000001","ActualGoodsMovementTime":"PT10H00M00S","to_DeliveryDocumentItem":{"results":[]},"to_DeliveryDocumentPartner":{"results":[]}}]}}"""));
        Assert.Contains("ActualGoodsMovementDate", error.Message, StringComparison.Ordinal);
    }
}
