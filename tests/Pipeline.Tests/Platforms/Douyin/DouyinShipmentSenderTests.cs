namespace ServerlessSync.Pipeline.Tests.Platforms.Douyin;

/// <summary>order.logisticsAdd and order.logisticsAddMultiPack against the simulator: signature, required parameters, carrier codes, already shipped, partial and request_id.</summary>
public sealed class DouyinShipmentSenderTests(DouyinSimulatorHostFixture sim) : IClassFixture<DouyinSimulatorHostFixture>, IDisposable
{
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public void Dispose() => http.Dispose();

    private IOptions<DouyinApiOptions> Settings(string? secret = null) => sim.ApiOptions(secret);

    private DouyinShipmentSender Sender(string? secret = null) => new(http, Settings(secret));

    private static OrderKey Key(DouyinSimOrder order) => new(PlatformNames.Douyin, order.ShopId, order.OrderId);

    private static PlatformShipment Whole(DouyinSimOrder order, string carrier = "shunfeng", string waybill = "SF100000000001") =>
        new(Key(order), carrier, waybill, null, order.OrderId + "-XSCKD1");

    /// <summary>An order with two sku orders: 2 units and 1 unit.</summary>
    private DouyinSimOrder TwoLineOrder()
    {
        var order = sim.Store.CreateOrders(1).Single();
        var line = order.Lines[0];
        var twoLines = order with { Lines = [line with { ItemNum = 2 }, line with { OrderId = line.OrderId + "2", SkuId = line.SkuId + "2", ItemNum = 1 }] };
        sim.Store.Put(twoLines);
        return twoLines;
    }

    [Fact]
    public async Task A_whole_order_ships_and_order_detail_reads_the_waybill_back()
    {
        var stored = sim.Store.CreateOrders(1).Single();

        await Sender().SendAsync(Whole(stored), CancellationToken.None);

        var held = sim.Store.Find(stored.OrderId)!;
        Assert.Equal(DouyinSimStatus.Shipped, held.OrderStatus);
        var parcel = Assert.Single(held.Parcels);
        Assert.Equal(("shunfeng", "SF100000000001"), (parcel.CompanyCode, parcel.TrackingNo));
        var order = await new DouyinOrderClient(http, Settings()).GetOrderAsync(Key(stored), CancellationToken.None);
        Assert.Equal(["SF100000000001"], order.TrackingNumbers);
    }

    [Fact]
    public async Task Shipping_an_order_again_an_unknown_carrier_and_a_wrong_signature_are_refused_without_a_parcel()
    {
        var shipped = sim.Store.CreateOrders(1).Single();
        var other = sim.Store.CreateOrders(1).Single();
        await Sender().SendAsync(Whole(shipped), CancellationToken.None);

        var again = await Assert.ThrowsAsync<PlatformRequestException>(() => Sender().SendAsync(Whole(shipped, waybill: "SF100000000002"), CancellationToken.None));
        var carrier = await Assert.ThrowsAsync<PlatformRequestException>(() => Sender().SendAsync(Whole(other, carrier: "no-such-carrier"), CancellationToken.None));
        var badSign = await Assert.ThrowsAsync<PlatformRequestException>(() => Sender(secret: "wrong").SendAsync(Whole(other), CancellationToken.None));
        var blank = await Assert.ThrowsAsync<PlatformRequestException>(() => Sender().SendAsync(Whole(other, waybill: ""), CancellationToken.None));

        Assert.Contains("50002", again.Message, StringComparison.Ordinal);
        Assert.Contains("已发货", again.Message, StringComparison.Ordinal);
        Assert.Contains("40003", carrier.Message, StringComparison.Ordinal);
        Assert.Contains("isv.signature-invalid", badSign.Message, StringComparison.Ordinal);
        Assert.Contains("40001", blank.Message, StringComparison.Ordinal);
        Assert.Single(sim.Store.Find(shipped.OrderId)!.Parcels);
        Assert.Empty(sim.Store.Find(other.OrderId)!.Parcels);
    }

    [Fact]
    public async Task Part_of_an_order_ships_with_multipack_and_a_repeated_request_id_ships_nothing_more()
    {
        var order = TwoLineOrder();
        var lines = new[] { new ShippedLine(Line(order.Lines[0]), 1) };
        var partial = new PlatformShipment(Key(order), "zhongtong", "ZT200000000001", lines, order.OrderId + "-XSCKD7");

        await Sender().SendAsync(partial, CancellationToken.None);
        await Sender().SendAsync(partial, CancellationToken.None);
        var tooMany = await Assert.ThrowsAsync<PlatformRequestException>(() =>
            Sender().SendAsync(partial with { Lines = [new ShippedLine(Line(order.Lines[0]), 2)], RequestId = "other" }, CancellationToken.None));

        var held = sim.Store.Find(order.OrderId)!;
        Assert.Equal(DouyinSimStatus.PartlyShipped, held.OrderStatus);
        var parcel = Assert.Single(held.Parcels);
        Assert.Equal([new DouyinSimParcelItem(order.Lines[0].OrderId, 1)], parcel.Items);
        Assert.Contains("发货数量不合法", tooMany.Message, StringComparison.Ordinal);

        var rest = new PlatformShipment(Key(order), "zhongtong", "ZT200000000002", [new ShippedLine(Line(order.Lines[0]), 1), new ShippedLine(Line(order.Lines[1]), 1)], order.OrderId + "-XSCKD8");
        await Sender().SendAsync(rest, CancellationToken.None);
        Assert.Equal(DouyinSimStatus.Shipped, sim.Store.Find(order.OrderId)!.OrderStatus);
    }

    [Fact]
    public async Task Throttling_and_server_errors_are_transient()
    {
        var stored = sim.Store.CreateOrders(1).Single();
        try
        {
            sim.Options.ThrottleRate = 1;
            await Assert.ThrowsAsync<PlatformTransientException>(() => Sender().SendAsync(Whole(stored), CancellationToken.None));
            sim.Options.ThrottleRate = 0;
            sim.Options.ApiFailureRate = 1;
            await Assert.ThrowsAsync<PlatformTransientException>(() => Sender().SendAsync(Whole(stored), CancellationToken.None));
        }
        finally
        {
            sim.Options.ThrottleRate = 0;
            sim.Options.ApiFailureRate = 0;
        }

        Assert.Empty(sim.Store.Find(stored.OrderId)!.Parcels);
    }

    private static OrderLine Line(DouyinSimLine line) => new() { LineId = line.OrderId, SkuId = line.SkuId, Quantity = line.ItemNum, PaidAmountFen = line.PayAmount };
}
