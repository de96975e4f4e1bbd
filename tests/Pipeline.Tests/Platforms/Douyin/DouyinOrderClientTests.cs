using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServerlessSync.Domain.Orders;
using ServerlessSync.Pipeline.Platforms.Douyin;
using ServerlessSync.Pipeline.Ports;
using ServerlessSync.Simulators;
using ServerlessSync.Simulators.Douyin;

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
            Assert.Contains("60000", throttled.Message, StringComparison.Ordinal);
        }
        finally
        {
            sim.Options.ApiFailureRate = 0;
            sim.Options.ThrottleRate = 0;
        }
    }

    [Fact]
    public async Task Unknown_order_and_bad_credentials_are_request_errors_without_buyer_data()
    {
        var stored = sim.Store.CreateOrders(1).Single();

        var unknown = await Assert.ThrowsAsync<PlatformRequestException>(() =>
            Client().GetOrderAsync(new OrderKey(PlatformNames.Douyin, DemoCatalog.ShopId, "6900000000000000000"), CancellationToken.None));
        var badSecret = await Assert.ThrowsAsync<PlatformRequestException>(() => Client(secret: "wrong").GetOrderAsync(Key(stored), CancellationToken.None));

        Assert.Contains("50002", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("isv.signature-invalid", badSecret.Message, StringComparison.Ordinal);
        foreach (var message in new[] { unknown.Message, badSecret.Message })
        {
            Assert.DoesNotContain(stored.Receiver.MaskName, message, StringComparison.Ordinal);
            Assert.DoesNotContain(sim.Options.AppSecret, message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Unreachable_gateway_is_transient()
    {
        var client = Client(baseUrl: "http://127.0.0.1:9/douyin");

        await Assert.ThrowsAsync<PlatformTransientException>(() =>
            client.GetOrderAsync(new OrderKey(PlatformNames.Douyin, DemoCatalog.ShopId, "6900000000000000001"), CancellationToken.None));
    }

    [Fact]
    public async Task Registration_binds_platforms_douyin_and_exposes_the_client_as_a_platform_order_client()
    {
        var stored = sim.Store.CreateOrders(1).Single();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Platforms:Douyin:ApiBaseUrl"] = sim.DouyinBaseUrl,
            ["Platforms:Douyin:AppKey"] = sim.Options.AppKey,
            ["Platforms:Douyin:AppSecret"] = sim.Options.AppSecret,
            ["Platforms:Douyin:AccessToken"] = "sim-token",
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddDouyinPlatform(configuration).BuildServiceProvider();

        var client = Assert.Single(services.GetServices<IPlatformOrderClient>());
        var order = await client.GetOrderAsync(Key(stored), CancellationToken.None);

        Assert.Equal("douyin", client.Platform);
        Assert.Equal(stored.OrderId, order.Key.OrderId);
    }
}
