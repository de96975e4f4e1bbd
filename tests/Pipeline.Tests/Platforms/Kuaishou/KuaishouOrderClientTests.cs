using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServerlessSync.Domain.Orders;
using ServerlessSync.Pipeline.Platforms;
using ServerlessSync.Pipeline.Platforms.Kuaishou;
using ServerlessSync.Pipeline.Ports;
using ServerlessSync.Simulators.Kuaishou;

namespace ServerlessSync.Pipeline.Tests.Platforms.Kuaishou;

public sealed class KuaishouOrderClientTests(KuaishouSimulatorHostFixture sim) : IClassFixture<KuaishouSimulatorHostFixture>, IDisposable
{
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public void Dispose() => http.Dispose();

    private KuaishouOrderClient Client(string? signSecret = null, string? baseUrl = null, string signMethod = "HMAC_SHA256", Dictionary<string, PlatformShopSettings>? shops = null) =>
        new(http, sim.ClientOptions(signSecret, baseUrl, signMethod, shops));

    private static OrderKey Key(KuaishouSimOrder order) => new(PlatformNames.Kuaishou, order.SellerId, order.Oid);

    [Theory]
    [InlineData("HMAC_SHA256")]
    [InlineData("MD5")]
    public async Task Fetches_the_order_through_the_signed_detail_api(string signMethod)
    {
        var stored = sim.Store.CreateOrders(1).Single();

        var order = await Client(signMethod: signMethod).GetOrderAsync(Key(stored), CancellationToken.None);

        Assert.Equal(Key(stored), order.Key);
        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Equal(stored.PayAmount, order.PaidAmountFen);
        Assert.Equal(stored.ExpressFee, order.FreightFen);
        Assert.Equal(
            new[] { (stored.Oid, stored.Item.SkuId, stored.Item.SkuNick, stored.Item.Num, false) }
                .Concat(stored.Gifts.Select(g => (g.Oid, g.Item.SkuId, g.Item.SkuNick, g.Item.Num, true))),
            order.Lines.Select(l => (l.LineId, l.SkuId, l.MerchantCode!, l.Quantity, l.IsGift)));
        Assert.Equal(stored.DistributorName ?? stored.SellerRoleName, order.Tags.AnchorName);
        Assert.Equal(stored.Receiver.DesensitiseConsignee, order.Receiver.Name);
        Assert.Equal(stored.BuyerOpenId, order.BuyerOpenId);
    }

    [Fact]
    public async Task Sees_a_refund_made_on_the_platform()
    {
        var stored = sim.Store.CreateOrders(1).Single();
        sim.Store.SetStatus(stored.Oid, KuaishouSimStatus.Failed, KuaishouSimStatus.RefundSucceeded);

        var order = await Client().GetOrderAsync(Key(stored), CancellationToken.None);

        Assert.Equal(OrderStatus.Refunded, order.Status);
    }

    [Fact]
    public async Task Another_shop_is_read_with_its_own_token_from_the_shop_settings()
    {
        var stored = sim.Store.CreateOrders(1, "5000321").Single();
        var shops = new Dictionary<string, PlatformShopSettings>
        {
            ["5000321"] = new() { AccessToken = KuaishouOpenApiEndpoints.SellerTokenPrefix + "5000321" },
        };

        var order = await Client(shops: shops).GetOrderAsync(Key(stored), CancellationToken.None);
        var withoutShopToken = await Assert.ThrowsAsync<PlatformRequestException>(() => Client().GetOrderAsync(Key(stored), CancellationToken.None));

        Assert.Equal("5000321", order.Key.ShopId);
        Assert.Contains("result 2", withoutShopToken.Message, StringComparison.Ordinal);
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
            Assert.Contains("802000", throttled.Message, StringComparison.Ordinal);
        }
        finally
        {
            sim.Options.ApiFailureRate = 0;
            sim.Options.ThrottleRate = 0;
        }
    }

    [Fact]
    public async Task Unknown_order_and_a_wrong_sign_secret_are_request_errors_without_buyer_data_or_secrets()
    {
        var stored = sim.Store.CreateOrders(1).Single();

        var unknown = await Assert.ThrowsAsync<PlatformRequestException>(() =>
            Client().GetOrderAsync(new OrderKey(PlatformNames.Kuaishou, sim.Options.SellerId, "2500000000000001"), CancellationToken.None));
        var badSecret = await Assert.ThrowsAsync<PlatformRequestException>(() => Client(signSecret: "wrong").GetOrderAsync(Key(stored), CancellationToken.None));

        Assert.Contains("ORDER_NOT_EXIST", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("result 28", badSecret.Message, StringComparison.Ordinal);
        foreach (var message in new[] { unknown.Message, badSecret.Message })
        {
            Assert.DoesNotContain(stored.Receiver.DesensitiseConsignee, message, StringComparison.Ordinal);
            Assert.DoesNotContain(sim.Options.SignSecret, message, StringComparison.Ordinal);
            Assert.DoesNotContain(sim.Options.AccessToken, message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Unreachable_gateway_is_transient()
    {
        var client = Client(baseUrl: "http://127.0.0.1:9/kuaishou");

        await Assert.ThrowsAsync<PlatformTransientException>(() =>
            client.GetOrderAsync(new OrderKey(PlatformNames.Kuaishou, "5000100", "2500000000000001"), CancellationToken.None));
    }

    [Fact]
    public async Task Registration_binds_platforms_kuaishou_and_exposes_the_client_and_the_lister()
    {
        var stored = sim.Store.CreateOrders(1).Single();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Platforms:Kuaishou:ApiBaseUrl"] = sim.KuaishouBaseUrl,
            ["Platforms:Kuaishou:AppKey"] = sim.Options.AppKey,
            ["Platforms:Kuaishou:SignSecret"] = sim.Options.SignSecret,
            ["Platforms:Kuaishou:MessageKey"] = sim.Options.MessageKey,
            ["Platforms:Kuaishou:Shops:5000100:AccessToken"] = sim.Options.AccessToken,
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddKuaishouPlatform(configuration).BuildServiceProvider();

        var client = Assert.Single(services.GetServices<IPlatformOrderClient>());
        var lister = Assert.Single(services.GetServices<IPlatformOrderLister>());
        var order = await client.GetOrderAsync(Key(stored), CancellationToken.None);
        var page = await lister.ListChangedAsync(stored.SellerId, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow, null, CancellationToken.None);

        Assert.Equal(("kuaishou", "kuaishou"), (client.Platform, lister.Platform));
        Assert.Equal(stored.Oid, order.Key.OrderId);
        Assert.NotEmpty(page.Orders);
    }
}
