namespace ServerlessSync.Pipeline.Tests.Platforms.Taobao;

public sealed class TaobaoOrderClientTests(TaobaoSimulatorHostFixture sim) : IClassFixture<TaobaoSimulatorHostFixture>, IDisposable
{
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public void Dispose() => http.Dispose();

    private TaobaoOrderClient Client(Action<TaobaoOptions>? configure = null) => new(http, sim.AdapterOptions(configure));

    private static OrderKey Key(TaobaoSimOrder trade) => new(PlatformNames.Taobao, trade.SellerNick, trade.Tid);

    /// <summary>A trade with every shape the parser must get right: several lines, a coupon spread over them, a gift, freight.</summary>
    private TaobaoSimOrder RichTrade()
    {
        var item = TaobaoSimCatalog.Items;
        var tid = sim.Store.Ids.Next();
        var lip = sim.Store.Ids.Next();
        var gift = sim.Store.Ids.Next();
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var trade = new TaobaoSimOrder
        {
            Tid = tid,
            SellerNick = sim.Options.SellerNick,
            Created = now.AddSeconds(-20),
            PayTime = now.AddSeconds(-5),
            Modified = now.AddSeconds(-5),
            PostFee = 600,
            CouponFee = 1_100,
            TradeFrom = "WAP,JHS",
            BuyerOpenUid = "AAHk5d-EAAeGwJedwSHu3Pi3",
            Receiver = new TaobaoSimReceiver("张**", "*******0000", "浙江省", "杭州市", "西湖区", "文新街道", "**路12号***"),
            Lines =
            [
                new TaobaoSimLine
                {
                    Oid = lip, NumIid = item[0].NumIid, SkuId = item[0].SkuId, OuterIid = item[0].OuterIid, OuterSkuId = item[0].Product.MerchantCode,
                    Title = item[0].Product.Title, Num = 2, Price = 9_900, DiscountFee = 200, DivideOrderFee = 19_110, GiftMids = gift, OrderFrom = "jhs",
                },
                new TaobaoSimLine
                {
                    Oid = sim.Store.Ids.Next(), NumIid = item[2].NumIid, SkuId = item[2].SkuId, OuterIid = item[2].OuterIid, OuterSkuId = item[2].Product.MerchantCode,
                    Title = item[2].Product.Title, Num = 1, Price = 25_900, DivideOrderFee = 25_290, OrderFrom = "jhs",
                },
                new TaobaoSimLine
                {
                    Oid = gift, NumIid = item[3].NumIid, SkuId = item[3].SkuId, OuterIid = item[3].OuterIid, OuterSkuId = item[3].Product.MerchantCode,
                    Title = item[3].Product.Title, Num = 1, Price = 0, IsFreeGift = true, GiftMids = lip, OrderFrom = "jhs",
                },
            ],
        };
        sim.Store.Put(trade);
        return trade;
    }

    [Fact]
    public async Task Fetches_the_trade_through_signed_fullinfo_get()
    {
        var stored = RichTrade();

        var order = await Client().GetOrderAsync(Key(stored), CancellationToken.None);

        Assert.Equal(Key(stored), order.Key);
        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Equal(45_000, order.PaidAmountFen);
        Assert.Equal(600, order.FreightFen);
        Assert.Equal(45_700, order.OrderAmountFen);
        Assert.Equal(1_300, order.DiscountFen);
        Assert.Equal(stored.Modified, order.UpdatedAt);
        Assert.Equal(
            [("SKU-LIP-01", 2, 19_110L, false), ("SKU-CREAM-50", 1, 25_290L, false), ("SKU-MASK-10", 1, 0L, true)],
            order.Lines.Select(l => (l.MerchantCode!, l.Quantity, l.PaidAmountFen, l.IsGift)));
        Assert.Equal([stored.Lines[0].Oid], order.Lines[2].GiftForLineIds);
        Assert.Equal("手机·聚划算", order.Tags.Channel);
        Assert.Equal("AAHk5d-EAAeGwJedwSHu3Pi3", order.BuyerOpenId);
        Assert.Equal(("张**", "*******0000", "文新街道**路12号***"), (order.Receiver.Name, order.Receiver.Phone, order.Receiver.Detail));
    }

    [Fact]
    public async Task Hmac_signing_works_against_the_gateway_too()
    {
        var stored = sim.Store.CreateOrders(1).Single();

        var order = await Client(o => o.SignMethod = TaobaoSignMethod.Hmac).GetOrderAsync(Key(stored), CancellationToken.None);

        Assert.Equal(stored.Payment, order.PaidAmountFen);
    }

    [Theory]
    [InlineData("TRADE_CLOSED", OrderStatus.Refunded)]
    [InlineData("TRADE_CLOSED_BY_TAOBAO", OrderStatus.Cancelled)]
    [InlineData("WAIT_BUYER_CONFIRM_GOODS", OrderStatus.Shipped)]
    public async Task Sees_a_status_change_made_on_the_platform(string status, OrderStatus expected)
    {
        var stored = sim.Store.CreateOrders(1).Single();
        var changed = sim.Store.SetStatus(stored.Tid, status)!;

        var order = await Client().GetOrderAsync(Key(stored), CancellationToken.None);

        Assert.Equal(expected, order.Status);
        Assert.Equal(changed.Modified, order.UpdatedAt);
    }

    [Fact]
    public async Task Each_shop_uses_its_own_session_key()
    {
        var stored = sim.Store.CreateOrders(1).Single();

        var viaShop = await Client(o =>
        {
            o.SessionKey = "a-stale-default-session";
            o.Shops[stored.SellerNick] = new PlatformShopSettings { AccessToken = sim.Options.SessionKey };
        }).GetOrderAsync(Key(stored), CancellationToken.None);
        var viaDefault = await Assert.ThrowsAsync<PlatformRequestException>(() =>
            Client(o => o.SessionKey = "a-stale-default-session").GetOrderAsync(Key(stored), CancellationToken.None));

        Assert.Equal(stored.Tid, viaShop.Key.OrderId);
        Assert.Contains("code 27", viaDefault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_settings_are_request_errors()
    {
        var key = new OrderKey(PlatformNames.Taobao, sim.Options.SellerNick, "3500000000000000001");

        await Assert.ThrowsAsync<PlatformRequestException>(() =>
            Client(o => o.AppSecret = "").GetOrderAsync(key, CancellationToken.None));
    }
}
