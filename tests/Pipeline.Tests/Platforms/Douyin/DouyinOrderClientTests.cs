namespace ServerlessSync.Pipeline.Tests.Platforms.Douyin;

public sealed class DouyinOrderClientTests(DouyinSimulatorHostFixture sim) : IClassFixture<DouyinSimulatorHostFixture>, IDisposable
{
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public void Dispose() => http.Dispose();

    private DouyinOrderClient Client(string? secret = null, string? baseUrl = null) => new(http, Options.Create(new DouyinApiOptions
    {
        ApiBaseUrl = baseUrl ?? sim.DouyinBaseUrl,
        AppKey = sim.Options.AppKey,
        AppSecret = secret ?? sim.Options.AppSecret,
        AccessToken = "sim-token",
    }));

    private static OrderKey Key(DouyinSimOrder order) => new(PlatformNames.Douyin, order.ShopId, order.OrderId);

    [Fact]
    public async Task Fetches_the_order_through_the_signed_detail_api()
    {
        var stored = sim.Store.CreateOrders(1).Single();

        var order = await Client().GetOrderAsync(Key(stored), CancellationToken.None);

        Assert.Equal(Key(stored), order.Key);
        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Equal(stored.PayAmount, order.PaidAmountFen);
        Assert.Equal(stored.PostAmount, order.FreightFen);
        Assert.Equal(stored.Lines.Select(l => (l.OrderId, l.SkuId, l.Code, l.ItemNum, l.PayAmount, l.GivenProductType == "FREE")),
            order.Lines.Select(l => (l.LineId, l.SkuId, l.MerchantCode!, l.Quantity, l.PaidAmountFen, l.IsGift)));
        Assert.Equal(stored.Lines[0].AuthorName, order.Tags.AnchorName);
        Assert.Equal(stored.Lines[0].RoomId, order.Tags.LiveRoomId);
        Assert.Equal(stored.Receiver.MaskName, order.Receiver.Name);
    }

    [Fact]
    public async Task Sees_a_status_change_made_on_the_platform()
    {
        var stored = sim.Store.CreateOrders(1).Single();
        sim.Store.SetStatus(stored.OrderId, DouyinSimStatus.Shipped, DouyinSimStatus.RefundedAfterShipping);

        var order = await Client().GetOrderAsync(Key(stored), CancellationToken.None);

        Assert.Equal(OrderStatus.Refunded, order.Status);
    }
}
