namespace ServerlessSync.Pipeline.Tests.Platforms.Douyin;

public sealed class DouyinOrderListerTests(DouyinSimulatorHostFixture sim) : IClassFixture<DouyinSimulatorHostFixture>, IDisposable
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddDays(-2).ToUnixTimeSeconds());

    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public void Dispose() => http.Dispose();

    /// <summary>A shop of its own with its own token, known to the simulator, so other tests' orders never show up.</summary>
    private string NewShop()
    {
        var shopId = Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString(CultureInfo.InvariantCulture);
        sim.Options.ShopAccessTokens["token-" + shopId] = shopId;
        return shopId;
    }

    private DouyinOrderLister Lister(string shopId, string? secret = null, string? baseUrl = null, string? token = null) => new(http, Options.Create(new DouyinApiOptions
    {
        ApiBaseUrl = baseUrl ?? sim.DouyinBaseUrl,
        AppKey = sim.Options.AppKey,
        AppSecret = secret ?? sim.Options.AppSecret,
        AccessToken = "default-token",
        Shops = { [shopId] = new PlatformShopSettings { AccessToken = token ?? "token-" + shopId } },
    }));

    /// <summary>Orders of the shop updated at T0 + the given seconds.</summary>
    private List<DouyinSimOrder> Orders(string shopId, IEnumerable<long> updateOffsets)
    {
        var offsets = updateOffsets.ToList();
        var orders = sim.Store.CreateOrders(offsets.Count, shopId).Select((o, i) => o with { UpdateTime = T0.ToUnixTimeSeconds() + offsets[i] }).ToList();
        orders.ForEach(sim.Store.Put);
        return orders;
    }

    private static async Task<(List<ChangedOrder> Orders, List<string?> Cursors)> ListAllAsync(IPlatformOrderLister lister, string shopId, DateTimeOffset from, DateTimeOffset to)
    {
        var all = new List<ChangedOrder>();
        var cursors = new List<string?>();
        string? cursor = null;
        do
        {
            var page = await lister.ListChangedAsync(shopId, from, to, cursor, CancellationToken.None);
            all.AddRange(page.Orders);
            cursor = page.NextCursor;
            cursors.Add(cursor);
        }
        while (cursor is not null && cursors.Count < 20);

        return (all, cursors);
    }

    [Fact]
    public async Task Returns_every_order_changed_in_the_window_exactly_once_across_several_pages()
    {
        var shop = NewShop();
        var inside = Orders(shop, Enumerable.Range(0, 250).Select(i => (long)(i * 7 % 3600)));
        Orders(shop, [-1, 3601]);

        var (listed, cursors) = await ListAllAsync(Lister(shop), shop, T0, T0.AddHours(1));

        Assert.Equal(["1", "2", null], cursors);
        Assert.Equal(inside.Select(o => o.OrderId).Order(), listed.Select(o => o.OrderId).Order());
        Assert.Equal(listed.Count, listed.Select(o => o.OrderId).Distinct().Count());
        Assert.Equal(listed.OrderBy(o => o.UpdatedAt).Select(o => o.UpdatedAt), listed.Select(o => o.UpdatedAt));
        var byId = inside.ToDictionary(o => o.OrderId);
        Assert.All(listed, o => Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(byId[o.OrderId].UpdateTime), o.UpdatedAt));
    }

    [Fact]
    public async Task An_empty_window_is_one_empty_last_page_and_a_full_day_window_is_accepted()
    {
        var shop = NewShop();
        var lister = Lister(shop);

        var page = await lister.ListChangedAsync(shop, T0.AddDays(-1), T0.AddDays(-1) + lister.MaxWindow, null, CancellationToken.None);

        Assert.Empty(page.Orders);
        Assert.Null(page.NextCursor);
        Assert.Equal(TimeSpan.FromDays(1), lister.MaxWindow);
        Assert.Equal("douyin", lister.Platform);
    }

    [Fact]
    public async Task Exactly_one_full_page_ends_without_asking_for_an_empty_one()
    {
        var shop = NewShop();
        Orders(shop, Enumerable.Range(0, DouyinOrderLister.PageSize).Select(i => (long)i));

        var (listed, cursors) = await ListAllAsync(Lister(shop), shop, T0, T0.AddMinutes(10));

        Assert.Equal(DouyinOrderLister.PageSize, listed.Count);
        Assert.Equal([null], cursors);
    }

    [Fact]
    public async Task Http_500_throttling_and_an_unreachable_gateway_are_transient()
    {
        var shop = NewShop();
        try
        {
            sim.Options.ApiFailureRate = 1;
            await Assert.ThrowsAsync<PlatformTransientException>(() => Lister(shop).ListChangedAsync(shop, T0, T0.AddHours(1), null, CancellationToken.None));

            sim.Options.ApiFailureRate = 0;
            sim.Options.ThrottleRate = 1;
            var throttled = await Assert.ThrowsAsync<PlatformTransientException>(() => Lister(shop).ListChangedAsync(shop, T0, T0.AddHours(1), null, CancellationToken.None));
            Assert.Contains("60000", throttled.Message, StringComparison.Ordinal);
        }
        finally
        {
            sim.Options.ApiFailureRate = 0;
            sim.Options.ThrottleRate = 0;
        }

        await Assert.ThrowsAsync<PlatformTransientException>(() =>
            Lister(shop, baseUrl: "http://127.0.0.1:9/douyin").ListChangedAsync(shop, T0, T0.AddHours(1), null, CancellationToken.None));
    }

    [Fact]
    public async Task Bad_credentials_and_another_shops_token_are_request_errors()
    {
        var shop = NewShop();
        var other = NewShop();
        Orders(other, [10]);

        var badSecret = await Assert.ThrowsAsync<PlatformRequestException>(() =>
            Lister(shop, secret: "wrong").ListChangedAsync(shop, T0, T0.AddHours(1), null, CancellationToken.None));
        var wrongShop = await Assert.ThrowsAsync<PlatformRequestException>(() =>
            Lister(shop, token: "token-" + other).ListChangedAsync(shop, T0, T0.AddHours(1), null, CancellationToken.None));

        Assert.Contains("isv.signature-invalid", badSecret.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(sim.Options.AppSecret, badSecret.Message, StringComparison.Ordinal);
        Assert.Contains(other, wrongShop.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration_exposes_the_lister_as_a_platform_order_lister_using_the_shops_token()
    {
        var shop = NewShop();
        var orders = Orders(shop, [5, 6]);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Platforms:Douyin:ApiBaseUrl"] = sim.DouyinBaseUrl,
            ["Platforms:Douyin:AppKey"] = sim.Options.AppKey,
            ["Platforms:Douyin:AppSecret"] = sim.Options.AppSecret,
            ["Platforms:Douyin:AccessToken"] = "default-token",
            [$"Platforms:Douyin:Shops:{shop}:AccessToken"] = "token-" + shop,
            [$"Platforms:Douyin:Shops:{shop}:PullEnabled"] = "true",
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddDouyinPlatform(configuration).BuildServiceProvider();

        var lister = Assert.Single(services.GetServices<IPlatformOrderLister>());
        var page = await lister.ListChangedAsync(shop, T0, T0.AddMinutes(1), null, CancellationToken.None);

        Assert.IsType<DouyinOrderLister>(lister);
        Assert.Equal(orders.Select(o => o.OrderId), page.Orders.Select(o => o.OrderId));
    }
}
