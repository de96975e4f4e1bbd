using static ServerlessSync.Pipeline.Tests.Erp.Jushuitan.JushuitanConnectorHarness;

namespace ServerlessSync.Pipeline.Tests.Erp.Jushuitan;

/// <summary>销售出库查询 (orders/out/simple/query) against the simulator: outbound documents modified since a watermark, with lc_id, l_id and items.</summary>
public sealed class JushuitanShipmentListingTests
{
    [Fact]
    public async Task Lists_outbound_documents_since_the_watermark_in_windows_of_seven_days_and_pages()
    {
        await using var h = await StartAsync(settings: v => v["Erp:Jushuitan:ShipmentPageSize"] = "2");
        var source = h.Services.GetRequiredService<IErpShipmentSource>();
        var first = await h.Connector.CreateSalesOrderAsync(Order("DY-JST-S-1", Line("MAT-LIP-01", 3, 10000), Line("MAT-CREAM-50", 1, 5000)), CancellationToken.None);
        var second = await h.Connector.CreateSalesOrderAsync(Order("DY-JST-S-2"), CancellationToken.None);
        var third = await h.Connector.CreateSalesOrderAsync(Order("DY-JST-S-3"), CancellationToken.None);
        var orders = h.Sim.ShippableOrders().ToDictionary(o => o.Number);
        var nineDaysAgo = DateTimeOffset.UtcNow.AddDays(-9);
        var early = DateTimeOffset.UtcNow.AddHours(-2);
        var late = DateTimeOffset.UtcNow.AddMinutes(-1);
        h.Sim.Warehouse.Ship(orders[third.ErpOrderNumber!], "ZTO", "ZT0000000003", null, nineDaysAgo);
        h.Sim.Warehouse.Ship(orders[first.ErpOrderNumber!], "SF", "SF1234567890", [new SimShipLine("MAT-LIP-01", 2)], early);
        h.Sim.Warehouse.Ship(orders[first.ErpOrderNumber!], "ZTO", "ZT0000000001", null, late);
        h.Sim.Warehouse.Ship(orders[second.ErpOrderNumber!], "SF", "SF0000000002", null, late);

        var all = await source.ListShippedSinceAsync(DateTimeOffset.UtcNow.AddDays(-10), CancellationToken.None);
        var calls = h.Calls("orders/out/simple/query");
        var recent = await source.ListShippedSinceAsync(early.AddMinutes(30), CancellationToken.None);

        Assert.Equal("Jushuitan", source.Kind);
        Assert.True(calls >= 3, $"two windows, the second with three documents in pages of two: {calls} calls");
        Assert.Equal(["ZT0000000003", "SF1234567890", "ZT0000000001", "SF0000000002"], all.Shipments.Select(s => s.TrackingNumber));
        var partial = all.Shipments[1];
        Assert.Equal((first.ErpOrderNumber, "SF"), (partial.ErpOrderNumber, partial.Carrier));
        Assert.Equal([new ShippedGoods("MAT-LIP-01", 2)], partial.Lines);
        Assert.Equal(early.ToUnixTimeSeconds(), partial.ShippedAt.ToUnixTimeSeconds());
        Assert.Equal([new ShippedGoods("MAT-LIP-01", 1), new ShippedGoods("MAT-CREAM-50", 1)], all.Shipments[2].Lines);
        Assert.Equal(["ZT0000000001", "SF0000000002"], recent.Shipments.Select(s => s.TrackingNumber));
        Assert.Equal(late.ToUnixTimeSeconds(), recent.NewestChange!.Value.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task The_simulator_refuses_a_window_over_seven_days_and_pages_over_100_and_ships_only_open_paid_orders_once()
    {
        await using var h = await StartAsync(s => s.AutoShipAfterSeconds = 0.001);
        var source = h.Services.GetRequiredService<IErpShipmentSource>();
        var closed = await h.Connector.CreateSalesOrderAsync(Order("DY-JST-S-4"), CancellationToken.None);
        await h.Connector.ReverseAsync((await h.Connector.FindByExternalOrderNoAsync("DY-JST-S-4", CancellationToken.None))!, "cancelled", CancellationToken.None);
        var open = await h.Connector.CreateSalesOrderAsync(Order("DY-JST-S-5"), CancellationToken.None);
        await Task.Delay(10);

        var first = await source.ListShippedSinceAsync(DateTimeOffset.UtcNow.AddMinutes(-5), CancellationToken.None);
        var second = await source.ListShippedSinceAsync(DateTimeOffset.UtcNow.AddMinutes(-5), CancellationToken.None);
        var tooLong = JushuitanSimOutbound.Query(h.Sim, new JsonObject { ["modified_begin"] = "2026-01-01 00:00:00", ["modified_end"] = "2026-01-08 00:00:01" });
        var tooBig = JushuitanSimOutbound.Query(h.Sim, new JsonObject { ["o_ids"] = new JsonArray(1), ["page_size"] = 101 });

        var shipment = Assert.Single(first.Shipments);
        Assert.Equal((open.ErpOrderNumber, "SF", new ShippedGoods("MAT-LIP-01", 3)), (shipment.ErpOrderNumber, shipment.Carrier, Assert.Single(shipment.Lines)));
        Assert.Equal(shipment.ShipmentNo, Assert.Single(second.Shipments).ShipmentNo);
        Assert.DoesNotContain(h.Sim.Warehouse.All(), b => b.OrderNumber == closed.ErpOrderNumber);
        Assert.Equal(JushuitanSimAnswers.BizInvalid, (int)tooLong["code"]!);
        Assert.Contains("7天", (string)tooLong["msg"]!, StringComparison.Ordinal);
        Assert.Equal(JushuitanSimAnswers.BizInvalid, (int)tooBig["code"]!);
    }

    [Fact]
    public async Task A_failing_server_is_transient_and_an_unreadable_time_is_a_protocol_error()
    {
        await using var h = await StartAsync();
        var source = h.Services.GetRequiredService<IErpShipmentSource>();
        h.Sim.Options.TransientFailureRate = 1;

        await Assert.ThrowsAsync<ErpTransientException>(() => source.ListShippedSinceAsync(DateTimeOffset.UtcNow.AddHours(-1), CancellationToken.None));
        var error = Assert.Throws<ErpProtocolException>(() => Domain.Erp.Jushuitan.JushuitanOutboundQuery.Parse(Domain.Erp.Jushuitan.JushuitanResponse.Parse(
            """{"code":0,"msg":"","data":{"has_next":false,"datas":[{"io_id":1,"o_id":2,"modified":"yesterday","io_date":"2026-12-07 10:00:00","items":[]}]}}""")));
        Assert.Contains("modified", error.Message, StringComparison.Ordinal);
    }
}
