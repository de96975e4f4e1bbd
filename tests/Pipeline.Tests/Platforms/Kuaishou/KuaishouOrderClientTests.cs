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
}
