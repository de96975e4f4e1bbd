using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServerlessSync.Domain.Orders;
using ServerlessSync.Domain.Platforms.Taobao;
using ServerlessSync.Pipeline.Platforms;
using ServerlessSync.Pipeline.Platforms.Taobao;
using ServerlessSync.Pipeline.Ports;
using ServerlessSync.Simulators.Taobao;

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
    public async Task Http_500_and_throttling_are_transient()
    {
        var stored = sim.Store.CreateOrders(1).Single();
        try
        {
            sim.Options.ApiFailureRate = 1;
            await Assert.ThrowsAsync<PlatformTransientException>(() => Client().GetOrderAsync(Key(stored), CancellationToken.None));

            sim.Options.ApiFailureRate = 0;
            sim.Options.ThrottleRate = 1;
            var throttled = await Assert.ThrowsAsync<PlatformTransientException>(() => Client().GetOrderAsync(Key(stored), CancellationToken.None));
            Assert.Contains("code 7", throttled.Message, StringComparison.Ordinal);
        }
        finally
        {
            sim.Options.ApiFailureRate = 0;
            sim.Options.ThrottleRate = 0;
        }
    }

    [Fact]
    public async Task Unknown_trade_and_bad_secret_are_request_errors_without_buyer_data_or_secrets()
    {
        var stored = sim.Store.CreateOrders(1).Single();

        var unknown = await Assert.ThrowsAsync<PlatformRequestException>(() =>
            Client().GetOrderAsync(new OrderKey(PlatformNames.Taobao, stored.SellerNick, "3500000000000000001"), CancellationToken.None));
        var badSecret = await Assert.ThrowsAsync<PlatformRequestException>(() =>
            Client(o => o.AppSecret = "wrong").GetOrderAsync(Key(stored), CancellationToken.None));

        Assert.Contains("isv.trade-not-exist", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("code 25", badSecret.Message, StringComparison.Ordinal);
        foreach (var message in new[] { unknown.Message, badSecret.Message })
        {
            Assert.DoesNotContain(stored.Receiver.Name, message, StringComparison.Ordinal);
            Assert.DoesNotContain(sim.Options.AppSecret, message, StringComparison.Ordinal);
            Assert.DoesNotContain(sim.Options.SessionKey, message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Unreachable_gateway_is_transient_and_missing_settings_are_request_errors()
    {
        var key = new OrderKey(PlatformNames.Taobao, sim.Options.SellerNick, "3500000000000000001");

        await Assert.ThrowsAsync<PlatformTransientException>(() =>
            Client(o => o.ApiBaseUrl = "http://127.0.0.1:9/taobao/router/rest").GetOrderAsync(key, CancellationToken.None));
        await Assert.ThrowsAsync<PlatformRequestException>(() =>
            Client(o => o.AppSecret = "").GetOrderAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task Registration_binds_platforms_taobao_and_exposes_the_client_and_the_lister()
    {
        var stored = sim.Store.CreateOrders(1).Single();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Platforms:Taobao:ApiBaseUrl"] = sim.GatewayUrl,
            ["Platforms:Taobao:AppKey"] = sim.Options.AppKey,
            ["Platforms:Taobao:AppSecret"] = sim.Options.AppSecret,
            ["Platforms:Taobao:SignMethod"] = "hmac",
            [$"Platforms:Taobao:Shops:{stored.SellerNick}:AccessToken"] = sim.Options.SessionKey,
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddTaobaoPlatform(configuration).BuildServiceProvider();

        var client = Assert.Single(services.GetServices<IPlatformOrderClient>());
        var lister = Assert.Single(services.GetServices<IPlatformOrderLister>());
        var order = await client.GetOrderAsync(Key(stored), CancellationToken.None);
        var page = await lister.ListChangedAsync(stored.SellerNick, stored.Modified.AddSeconds(-1), stored.Modified.AddSeconds(1), null, CancellationToken.None);

        Assert.Equal(("taobao", "taobao", TimeSpan.FromDays(1)), (client.Platform, lister.Platform, lister.MaxWindow));
        Assert.Equal(stored.Tid, order.Key.OrderId);
        Assert.Contains(stored.Tid, page.Orders.Select(o => o.OrderId));
    }
}
