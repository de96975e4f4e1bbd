namespace ServerlessSync.Pipeline.Tests.Platforms.Kuaishou;

public sealed class KuaishouOrderListerTests(KuaishouSimulatorHostFixture sim) : IClassFixture<KuaishouSimulatorHostFixture>, IDisposable
{
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public void Dispose() => http.Dispose();

    private KuaishouOrderLister Lister(string seller, string? signSecret = null) => new(http, sim.ClientOptions(
        signSecret,
        shops: new Dictionary<string, PlatformShopSettings> { [seller] = new() { AccessToken = KuaishouOpenApiEndpoints.SellerTokenPrefix + seller } }));

    [Fact]
    public async Task Pages_through_more_than_fifty_changed_orders_fifty_at_a_time_until_nomore()
    {
        const string seller = "5000555";
        var created = sim.Store.CreateOrders(120, seller).ToDictionary(o => o.Oid);
        var lister = Lister(seller);
        var to = DateTimeOffset.UtcNow;
        var from = to.AddHours(-1);

        var pages = new List<ChangedOrderPage>();
        string? cursor = null;
        do
        {
            var page = await lister.ListChangedAsync(seller, from, to, cursor, CancellationToken.None);
            pages.Add(page);
            cursor = page.NextCursor;
        }
        while (cursor is not null && pages.Count < 10);

        Assert.Equal([50, 50, 20], pages.Select(p => p.Orders.Count));
        var listed = pages.SelectMany(p => p.Orders).ToList();
        Assert.Equal(created.Keys.Order(StringComparer.Ordinal), listed.Select(o => o.OrderId).Order(StringComparer.Ordinal));
        Assert.All(listed, o => Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(created[o.OrderId].UpdateTime), o.UpdatedAt));
        Assert.Equal(listed.Select(o => o.UpdatedAt).Order(), listed.Select(o => o.UpdatedAt));
    }

    [Fact]
    public async Task Sees_an_order_changed_after_the_first_listing()
    {
        const string seller = "5000556";
        var order = sim.Store.CreateOrders(1, seller).Single();
        var lister = Lister(seller);
        var before = DateTimeOffset.UtcNow;
        sim.Store.SetStatus(order.Oid, KuaishouSimStatus.Shipped);

        var page = await lister.ListChangedAsync(seller, before.AddMilliseconds(-1), DateTimeOffset.UtcNow.AddSeconds(1), null, CancellationToken.None);

        Assert.Equal(order.Oid, Assert.Single(page.Orders).OrderId);
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task A_window_over_seven_days_is_refused()
    {
        var lister = Lister("5000557");
        var now = DateTimeOffset.UtcNow;

        Assert.Equal(TimeSpan.FromDays(7), lister.MaxWindow);
        var refused = await Assert.ThrowsAsync<PlatformRequestException>(() => lister.ListChangedAsync("5000557", now.AddDays(-7).AddSeconds(-1), now, null, CancellationToken.None));
        Assert.Contains("7 days", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Beyond_the_ninety_day_look_back_nothing_is_listed_and_a_straddling_window_is_cut_to_what_can_be_listed()
    {
        var lister = Lister("5000559");
        var now = DateTimeOffset.UtcNow;
        var order = sim.Store.CreateOrders(1, "5000559").Single();
        sim.Store.Put(order with { UpdateTime = (now - TimeSpan.FromDays(90) + TimeSpan.FromHours(2)).ToUnixTimeMilliseconds() });

        var gone = await lister.ListChangedAsync("5000559", now.AddDays(-100), now.AddDays(-95), null, CancellationToken.None);
        var straddling = await lister.ListChangedAsync("5000559", now.AddDays(-93), now.AddDays(-87), null, CancellationToken.None);

        Assert.Empty(gone.Orders);
        Assert.Null(gone.NextCursor);
        Assert.Equal(order.Oid, Assert.Single(straddling.Orders).OrderId);
    }

    [Fact]
    public async Task A_refused_signature_is_a_request_error_and_throttling_is_transient()
    {
        var now = DateTimeOffset.UtcNow;
        var refused = await Assert.ThrowsAsync<PlatformRequestException>(() =>
            Lister("5000558", signSecret: "wrong").ListChangedAsync("5000558", now.AddHours(-1), now, null, CancellationToken.None));
        Assert.Contains("result 28", refused.Message, StringComparison.Ordinal);

        try
        {
            sim.Options.ThrottleRate = 1;
            await Assert.ThrowsAsync<PlatformTransientException>(() =>
                Lister("5000558").ListChangedAsync("5000558", now.AddHours(-1), now, null, CancellationToken.None));
        }
        finally
        {
            sim.Options.ThrottleRate = 0;
        }
    }
}
