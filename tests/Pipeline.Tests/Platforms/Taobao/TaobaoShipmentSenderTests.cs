namespace ServerlessSync.Pipeline.Tests.Platforms.Taobao;

/// <summary>taobao.logistics.offline.send against the simulator: TOP signature, company codes, already shipped, sub_tid with is_split.</summary>
public sealed class TaobaoShipmentSenderTests(TaobaoSimulatorHostFixture sim) : IClassFixture<TaobaoSimulatorHostFixture>, IDisposable
{
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public void Dispose() => http.Dispose();

    private TaobaoShipmentSender Sender(Action<TaobaoOptions>? configure = null) => new(http, sim.AdapterOptions(configure));

    private static OrderKey Key(TaobaoSimOrder trade) => new(PlatformNames.Taobao, trade.SellerNick, trade.Tid);

    private static PlatformShipment Whole(TaobaoSimOrder trade, string company = "SF", string waybill = "SF500000000001") => new(Key(trade), company, waybill, null, "r");

    [Fact]
    public async Task A_whole_trade_ships_and_fullinfo_reads_the_waybill_back()
    {
        var trade = sim.Store.CreateOrders(1).Single();

        await Sender().SendAsync(Whole(trade), CancellationToken.None);

        var held = sim.Store.Find(trade.Tid)!;
        Assert.Equal(TaobaoSimStatus.WaitBuyerConfirmGoods, held.Status);
        Assert.All(held.Lines, l => Assert.Equal(("SF500000000001", "SF"), (l.InvoiceNo, l.LogisticsCompany)));
        var order = await new TaobaoOrderClient(http, sim.AdapterOptions()).GetOrderAsync(Key(trade), CancellationToken.None);
        Assert.Equal(["SF500000000001"], order.TrackingNumbers);
    }

    [Fact]
    public async Task Shipping_again_an_unknown_company_and_a_wrong_signature_are_refused()
    {
        var shipped = sim.Store.CreateOrders(1).Single();
        var other = sim.Store.CreateOrders(1).Single();
        await Sender().SendAsync(Whole(shipped), CancellationToken.None);

        var again = await Assert.ThrowsAsync<PlatformRequestException>(() => Sender().SendAsync(Whole(shipped, waybill: "SF500000000002"), CancellationToken.None));
        var company = await Assert.ThrowsAsync<PlatformRequestException>(() => Sender().SendAsync(Whole(other, company: "shunfeng"), CancellationToken.None));
        var badSign = await Assert.ThrowsAsync<PlatformRequestException>(() => Sender(o => o.AppSecret = "wrong").SendAsync(Whole(other), CancellationToken.None));

        Assert.Contains(TaobaoDeliveryApi.RefusedSubCode, again.Message, StringComparison.Ordinal);
        Assert.Contains("company_code", company.Message, StringComparison.Ordinal);
        Assert.Contains($"code {TaobaoApiError.InvalidSignature},", badSign.Message, StringComparison.Ordinal);
        Assert.Null(sim.Store.Find(other.Tid)!.Lines[0].InvoiceNo);
    }

    [Fact]
    public async Task Some_sub_orders_ship_with_sub_tid_and_is_split()
    {
        var generated = sim.Store.CreateOrders(1).Single();
        var first = generated.Lines[0];
        var trade = generated with { Lines = [first, first with { Oid = first.Oid + "1" }] };
        sim.Store.Put(trade);
        var line = new OrderLine { LineId = first.Oid, SkuId = first.SkuId, Quantity = first.Num, PaidAmountFen = 0 };

        await Sender().SendAsync(new PlatformShipment(Key(trade), "ZTO", "ZT500000000001", [new ShippedLine(line, first.Num)], "r"), CancellationToken.None);

        var held = sim.Store.Find(trade.Tid)!;
        Assert.Equal(TaobaoSimStatus.SellerConsignedPart, held.Status);
        Assert.Equal(["ZT500000000001", null], held.Lines.Select(l => l.InvoiceNo));
    }
}
