namespace ServerlessSync.Pipeline.Tests.Platforms.WeChat;

/// <summary>delivery/send against the simulator: access token, carrier ids, already shipped, partial with product_infos.</summary>
public sealed class WeChatShipmentSenderTests(WeChatSimulatorHostFixture sim) : IClassFixture<WeChatSimulatorHostFixture>
{
    private static OrderKey Key(WeChatSimOrder order) => new(PlatformNames.WeChat, WeChatSimulatorHostFixture.ShopId, order.OrderId);

    private static PlatformShipment Whole(WeChatSimOrder order, string carrier = "SF", string waybill = "SF400000000001") => new(Key(order), carrier, waybill, null, "r");

    [Fact]
    public async Task A_whole_order_ships_and_order_get_reads_the_waybill_back()
    {
        var stored = sim.Store.CreateOrders(1).Single();

        await new WeChatShipmentSender(sim.Api()).SendAsync(Whole(stored), CancellationToken.None);

        var held = sim.Store.Find(stored.OrderId)!;
        Assert.Equal(WeChatSimStatus.Shipped, held.Status);
        Assert.Equal(("SF", "SF400000000001"), (held.Parcels.Single().DeliveryId, held.Parcels.Single().WaybillId));
        Assert.Equal(["SF400000000001"], (await sim.Client().GetOrderAsync(Key(stored), CancellationToken.None)).TrackingNumbers);
    }

    [Fact]
    public async Task Shipping_again_and_an_unknown_carrier_are_refused()
    {
        var shipped = sim.Store.CreateOrders(1).Single();
        var other = sim.Store.CreateOrders(1).Single();
        var sender = new WeChatShipmentSender(sim.Api());
        await sender.SendAsync(Whole(shipped), CancellationToken.None);

        var again = await Assert.ThrowsAsync<PlatformRequestException>(() => sender.SendAsync(Whole(shipped, waybill: "SF400000000002"), CancellationToken.None));
        var carrier = await Assert.ThrowsAsync<PlatformRequestException>(() => sender.SendAsync(Whole(other, carrier: "shunfeng"), CancellationToken.None));

        Assert.Contains("109001", again.Message, StringComparison.Ordinal);
        Assert.Contains("40097", carrier.Message, StringComparison.Ordinal);
        Assert.Single(sim.Store.Find(shipped.OrderId)!.Parcels);
        Assert.Empty(sim.Store.Find(other.OrderId)!.Parcels);
    }

    [Fact]
    public async Task Part_of_an_order_ships_with_product_infos()
    {
        var stored = sim.Store.CreateOrders(1).Single();
        var first = stored.Lines[0];
        var order = stored with { Lines = [first with { SkuCnt = 2 }, first with { SkuId = first.SkuId + "1", SkuCnt = 1 }] };
        sim.Store.Put(order);
        var line = new OrderLine { LineId = "1", ProductId = first.ProductId, SkuId = first.SkuId, Quantity = 2, PaidAmountFen = 0 };

        await new WeChatShipmentSender(sim.Api()).SendAsync(new PlatformShipment(Key(order), "ZTO", "ZT400000000001", [new ShippedLine(line, 2)], "r"), CancellationToken.None);

        var held = sim.Store.Find(order.OrderId)!;
        Assert.Equal(WeChatSimStatus.PartlyShipped, held.Status);
        Assert.Equal([new WeChatSimParcelItem(first.ProductId, first.SkuId, 2)], held.Parcels.Single().Items);
    }
}
