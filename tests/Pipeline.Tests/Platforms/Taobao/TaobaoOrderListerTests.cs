namespace ServerlessSync.Pipeline.Tests.Platforms.Taobao;

public sealed class TaobaoOrderListerTests(TaobaoSimulatorHostFixture sim) : IClassFixture<TaobaoSimulatorHostFixture>, IDisposable
{
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public void Dispose() => http.Dispose();

    private string Shop => sim.Options.SellerNick;

    private TaobaoOrderLister Lister(int pageSize) => new(http, sim.AdapterOptions(o => o.PageSize = pageSize));

    /// <summary>An hour in the past of its own per test, so tests sharing the simulator do not see each other's trades.</summary>
    private static (DateTimeOffset From, DateTimeOffset To) PastWindow(int daysAgo)
    {
        var from = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddDays(-daysAgo).ToUnixTimeSeconds() / 3600 * 3600);
        return (from, from.AddHours(1));
    }

    private IReadOnlyList<string> Create(int count, DateTimeOffset from) =>
        sim.Store.CreateOrders(count, modifiedFrom: from.AddMinutes(1), modifiedTo: from.AddMinutes(50)).Select(o => o.Tid).ToList();

    private async Task<List<ChangedOrderPage>> WalkAsync(TaobaoOrderLister lister, DateTimeOffset from, DateTimeOffset to)
    {
        var pages = new List<ChangedOrderPage>();
        string? cursor = null;
        do
        {
            var page = await lister.ListChangedAsync(Shop, from, to, cursor, CancellationToken.None);
            pages.Add(page);
            cursor = page.NextCursor;
        }
        while (cursor is not null && pages.Count < 100);

        return pages;
    }

    private IReadOnlyList<int> PagesServed(DateTimeOffset from, DateTimeOffset to) =>
        sim.CallLog.ListCalls(TaobaoTime.ToText(from), TaobaoTime.ToText(to)).Select(c => c.PageNo).ToList();

    [Fact]
    public async Task Pages_a_window_from_the_last_page_back_and_returns_every_trade_once()
    {
        var (from, to) = PastWindow(30);
        var created = Create(23, from);

        var pages = await WalkAsync(Lister(5), from, to);

        Assert.Equal([1, 5, 4, 3, 2, 1], PagesServed(from, to));
        var listed = pages.SelectMany(p => p.Orders).ToList();
        Assert.Equal(created.Order(), listed.Select(o => o.OrderId).Order());
        Assert.Equal(created.Take(3).Order(), pages[0].Orders.Select(o => o.OrderId).Order());
        Assert.True(pages.Zip(pages.Skip(1)).All(p => p.First.Orders.Max(o => o.UpdatedAt) <= p.Second.Orders.Min(o => o.UpdatedAt)),
            "pages come oldest first");
        Assert.All(listed, o => Assert.Equal(sim.Store.Find(o.OrderId)!.Modified, o.UpdatedAt));
    }

    [Fact]
    public async Task Trades_modified_while_paging_are_neither_lost_nor_repeated()
    {
        var (from, to) = PastWindow(31);
        var created = Create(40, from);
        List<ChangedOrderPage> pages;
        try
        {
            sim.Options.BumpPerListPage = 2;
            pages = await WalkAsync(Lister(5), from, to);
        }
        finally
        {
            sim.Options.BumpPerListPage = 0;
        }

        var listed = pages.SelectMany(p => p.Orders.Select(o => o.OrderId)).ToList();
        var moved = created.Where(t => sim.Store.Find(t)!.Modified > to).ToHashSet();
        var next = await WalkAsync(Lister(5), DateTimeOffset.UtcNow.AddMinutes(-10), DateTimeOffset.UtcNow.AddMinutes(1));
        var listedNext = next.SelectMany(p => p.Orders.Select(o => o.OrderId)).ToHashSet();

        Assert.True(moved.Count >= 10, $"the simulator moved {moved.Count} trades out of the window while it was paged");
        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.Empty(created.Except(listed).Except(moved));
        Assert.Subset(listedNext, moved.ToHashSet());
    }

    [Fact]
    public async Task Forward_paging_control_loses_trades_that_never_changed()
    {
        var (from, to) = PastWindow(32);
        var created = Create(40, from);
        var listed = new HashSet<string>();
        try
        {
            sim.Options.BumpPerListPage = 2;
            for (var pageNo = 1; pageNo <= 8; pageNo++)
            {
                var request = TaobaoTopRequest.Build(sim.Options.AppKey, sim.Options.AppSecret, sim.Options.SessionKey,
                    TaobaoMethods.TradesSoldIncrementGet, new TaobaoIncrementQuery(from, to, pageNo, 5).ToParameters(), DateTimeOffset.UtcNow);
                using var response = await http.PostAsync(new Uri(sim.GatewayUrl),
                    new StringContent(request.FormBody, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
                listed.UnionWith(TaobaoIncrementParser.Parse(await response.Content.ReadAsStringAsync()).Page!.Trades.Select(t => t.Tid));
            }
        }
        finally
        {
            sim.Options.BumpPerListPage = 0;
        }

        var lost = created.Where(t => !listed.Contains(t) && sim.Store.Find(t)!.Modified <= to).ToList();

        Assert.NotEmpty(lost);
    }

    [Fact]
    public async Task Window_that_grows_while_paging_restarts_and_loses_nothing()
    {
        var (from, to) = PastWindow(33);
        var created = Create(12, from);
        var lister = Lister(5);

        var first = await lister.ListChangedAsync(Shop, from, to, null, CancellationToken.None);
        var added = sim.Store.CreateOrders(3, modifiedFrom: from.AddMinutes(55), modifiedTo: from.AddMinutes(56)).Select(o => o.Tid);
        var listed = first.Orders.Select(o => o.OrderId).ToList();
        var cursor = first.NextCursor;
        while (cursor is not null)
        {
            var page = await lister.ListChangedAsync(Shop, from, to, cursor, CancellationToken.None);
            listed.AddRange(page.Orders.Select(o => o.OrderId));
            cursor = page.NextCursor;
        }

        Assert.Empty(created.Concat(added).Except(listed));
        Assert.Equal([1, 3, 2, 3, 2, 1], PagesServed(from, to));
    }

    [Fact]
    public async Task Single_page_window_is_one_call_and_empty_window_ends_at_once()
    {
        var (from, to) = PastWindow(34);
        var created = Create(3, from);
        var (emptyFrom, emptyTo) = PastWindow(35);

        var page = await Lister(50).ListChangedAsync(Shop, from, to, null, CancellationToken.None);
        var empty = await Lister(50).ListChangedAsync(Shop, emptyFrom, emptyTo, null, CancellationToken.None);

        Assert.Equal(created.Order(), page.Orders.Select(o => o.OrderId).Order());
        Assert.Null(page.NextCursor);
        Assert.Equal([1], PagesServed(from, to));
        Assert.Empty(empty.Orders);
        Assert.Null(empty.NextCursor);
    }

    [Fact]
    public async Task Window_over_a_day_and_a_cursor_of_another_window_are_refused()
    {
        var (from, to) = PastWindow(36);
        Create(12, from);
        var first = await Lister(5).ListChangedAsync(Shop, from, to, null, CancellationToken.None);

        await Assert.ThrowsAsync<ArgumentException>(() => Lister(5).ListChangedAsync(Shop, from, from.AddDays(1).AddSeconds(1), null, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => Lister(5).ListChangedAsync(Shop, from, to.AddMinutes(1), first.NextCursor, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => Lister(5).ListChangedAsync(Shop, from, to, "page-2", CancellationToken.None));
    }

    [Fact]
    public async Task Throttling_is_transient_and_a_refused_session_is_a_request_error()
    {
        var (from, to) = PastWindow(37);
        try
        {
            sim.Options.ThrottleRate = 1;
            await Assert.ThrowsAsync<PlatformTransientException>(() => Lister(5).ListChangedAsync(Shop, from, to, null, CancellationToken.None));
        }
        finally
        {
            sim.Options.ThrottleRate = 0;
        }

        var lister = new TaobaoOrderLister(http, sim.AdapterOptions(o => o.SessionKey = "revoked"));
        var refused = await Assert.ThrowsAsync<PlatformRequestException>(() => lister.ListChangedAsync(Shop, from, to, null, CancellationToken.None));
        Assert.Contains("code 27", refused.Message, StringComparison.Ordinal);
    }
}
