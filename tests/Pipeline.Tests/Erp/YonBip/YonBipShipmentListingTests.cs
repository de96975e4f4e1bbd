using static ServerlessSync.Pipeline.Tests.Erp.YonBip.YonBipConnectorHarness;

namespace ServerlessSync.Pipeline.Tests.Erp.YonBip;

/// <summary>销售出库单列表查询 (scm/salesout/list) against the simulator: bills changed since a watermark, with iLogisticId, cLogisticsBillNo and lines.</summary>
public sealed class YonBipShipmentListingTests
{
    [Fact]
    public async Task Lists_bills_since_the_watermark_over_pages_joining_a_bill_split_across_pages()
    {
        await using var h = await StartAsync(settings: v => v["Erp:YonBip:ShipmentPageSize"] = "2");
        var source = h.Services.GetRequiredService<IErpShipmentSource>();
        var first = await h.Connector.CreateSalesOrderAsync(Order("DY-YB-S-1", Line("MAT-LIP-01", 3, 10000), Line("MAT-CREAM-50", 1, 5000)), CancellationToken.None);
        var second = await h.Connector.CreateSalesOrderAsync(Order("DY-YB-S-2"), CancellationToken.None);
        var orders = h.Sim.ShippableOrders().ToDictionary(o => o.Number);
        var early = DateTimeOffset.UtcNow.AddHours(-2);
        var late = DateTimeOffset.UtcNow.AddMinutes(-1);
        h.Sim.Warehouse.Ship(orders[first.ErpOrderNumber!], "SF", "SF1234567890", [new SimShipLine("MAT-LIP-01", 2)], early);
        h.Sim.Warehouse.Ship(orders[second.ErpOrderNumber!], "SF", "SF0000000002", null, late);
        h.Sim.Warehouse.Ship(orders[first.ErpOrderNumber!], "ZTO", "ZT0000000001", null, late);
        var callsBefore = h.Calls("list");

        var all = await source.ListShippedSinceAsync(early.AddSeconds(-1), CancellationToken.None);
        var calls = h.Calls("list") - callsBefore;
        var recent = await source.ListShippedSinceAsync(early.AddMinutes(30), CancellationToken.None);

        Assert.Equal("YonBip", source.Kind);
        Assert.Equal(2, calls);
        Assert.Equal(["SF1234567890", "SF0000000002", "ZT0000000001"], all.Shipments.Select(s => s.TrackingNumber));
        var partial = all.Shipments[0];
        Assert.Equal((first.ErpOrderNumber, "SF"), (partial.ErpOrderNumber, partial.Carrier));
        Assert.Equal([new ShippedGoods("MAT-LIP-01", 2)], partial.Lines);
        Assert.Equal(early.ToUnixTimeSeconds(), partial.ShippedAt.ToUnixTimeSeconds());
        Assert.Equal([new ShippedGoods("MAT-LIP-01", 1), new ShippedGoods("MAT-CREAM-50", 1)], all.Shipments[2].Lines);
        Assert.Equal(["SF0000000002", "ZT0000000001"], recent.Shipments.Select(s => s.TrackingNumber));
        Assert.Equal(late.ToUnixTimeSeconds(), recent.NewestChange!.Value.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task The_simulator_ships_audited_orders_once_and_refuses_a_condition_it_does_not_know()
    {
        await using var h = await StartAsync(s => s.AutoShipAfterSeconds = 0.001);
        var source = h.Services.GetRequiredService<IErpShipmentSource>();
        var created = await h.Connector.CreateSalesOrderAsync(Order("DY-YB-S-3"), CancellationToken.None);
        await Task.Delay(10);

        var first = await source.ListShippedSinceAsync(DateTimeOffset.UtcNow.AddMinutes(-5), CancellationToken.None);
        var second = await source.ListShippedSinceAsync(DateTimeOffset.UtcNow.AddMinutes(-5), CancellationToken.None);
        var refused = YonBipSimSalesOuts.List(h.Sim, new JsonObject { ["simpleVOs"] = new JsonArray(new JsonObject { ["field"] = "code", ["op"] = "eq", ["value1"] = "X" }) });
        var (again, againWhy) = h.Sim.Warehouse.Ship(h.Sim.ShippableOrders().Single(), "SF", null, null, DateTimeOffset.UtcNow);

        var shipment = Assert.Single(first.Shipments);
        Assert.Equal((created.ErpOrderNumber, "SF", new ShippedGoods("MAT-LIP-01", 3)), (shipment.ErpOrderNumber, shipment.Carrier, Assert.Single(shipment.Lines)));
        Assert.Equal(shipment.ShipmentNo, Assert.Single(second.Shipments).ShipmentNo);
        Assert.Equal(YonBipSimAnswers.BusinessError, (string)refused["code"]!);
        Assert.Null(again);
        Assert.Contains("已全部出库", againWhy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_gateway_is_transient_and_an_unreadable_pubts_is_a_protocol_error()
    {
        await using var h = await StartAsync();
        var source = h.Services.GetRequiredService<IErpShipmentSource>();
        await h.Connector.FindByExternalOrderNoAsync("DY-YB-S-4", CancellationToken.None);
        h.Sim.Options.TransientFailureRate = 1;

        await Assert.ThrowsAsync<ErpTransientException>(() => source.ListShippedSinceAsync(DateTimeOffset.UtcNow.AddHours(-1), CancellationToken.None));
        var error = Assert.Throws<ErpProtocolException>(() => Domain.Erp.YonBip.YonBipSalesOutQuery.Parse(Domain.Erp.YonBip.YonBipResponse.Parse(
            """{"code":"200","message":"","data":{"pageCount":1,"recordList":[{"code":"XSCK1","firstupcode":"UO-1","pubts":"now","qty":1}]}}""")));
        Assert.Contains("pubts", error.Message, StringComparison.Ordinal);
    }
}
