namespace ServerlessSync.Pipeline.Tests.Platforms.WeChat;

public sealed class WeChatOrderListerTests(WeChatSimulatorHostFixture sim) : IClassFixture<WeChatSimulatorHostFixture>
{
    private WeChatOrderLister Lister()
    {
        var api = sim.Api();
        return new WeChatOrderLister(api, new WeChatOrderClient(api));
    }

    [Fact]
    public async Task Pages_a_window_with_next_key_and_reports_each_orders_real_update_time()
    {
        // Updated in 2019, a span no other test touches.
        var from = DateTimeOffset.FromUnixTimeSeconds(1_560_000_000);
        var template = sim.Store.CreateOrders(1).Single();
        var stored = Enumerable.Range(0, 130)
            .Select(i => template with { OrderId = sim.Store.Ids.Next(), CreateTime = from.ToUnixTimeSeconds() + i, UpdateTime = from.ToUnixTimeSeconds() + (2 * i) })
            .ToList();
        stored.ForEach(sim.Store.Put);
        var lister = Lister();

        var first = await lister.ListChangedAsync(WeChatSimulatorHostFixture.ShopId, from, from.AddDays(7), null, CancellationToken.None);
        var second = await lister.ListChangedAsync(WeChatSimulatorHostFixture.ShopId, from, from.AddDays(7), first.NextCursor, CancellationToken.None);

        Assert.Equal(100, first.Orders.Count);
        Assert.NotNull(first.NextCursor);
        Assert.Equal(30, second.Orders.Count);
        Assert.Null(second.NextCursor);
        Assert.Equal(
            stored.Select(o => (o.OrderId, DateTimeOffset.FromUnixTimeSeconds(o.UpdateTime))),
            first.Orders.Concat(second.Orders).Select(o => (o.OrderId, o.UpdatedAt)));
    }

    [Fact]
    public async Task Overlapping_pulls_enqueue_each_change_once_because_update_times_are_real()
    {
        var storage = await CoreStorage.CreateAsync();
        var intake = IntakeTestKit.Committer(storage);
        var recent = sim.Store.CreateOrders(5);
        var pull = new PullService(
            [Lister()],
            new WatermarkStore(storage),
            intake,
            new EnqueuedOrderVersions(),
            new SkippedListEntries(storage, TimeProvider.System),
            new ServerlessSync.Pipeline.Alerts.AlertService(storage, [], Options.Create(new ServerlessSync.Pipeline.Alerts.AlertOptions()), TimeProvider.System, NullLogger<ServerlessSync.Pipeline.Alerts.AlertService>.Instance),
            new ConfigurationBuilder().Build(),
            Options.Create(new PullOptions { OverlapSeconds = 3600, InitialLookbackMinutes = 60, SettleSeconds = 0 }),
            TimeProvider.System,
            NullLogger<PullService>.Instance);

        var first = await pull.PullShopAsync(Lister(), WeChatSimulatorHostFixture.ShopId, CancellationToken.None);
        var second = await pull.PullShopAsync(Lister(), WeChatSimulatorHostFixture.ShopId, CancellationToken.None);

        Assert.True(first.Enqueued >= recent.Count);
        Assert.Equal(first.Listed, second.Listed);
        Assert.Equal(0, second.Enqueued);
        await IntakeTestKit.ConsumeAllAsync(storage, IntakeTestKit.Consumer(storage).Handler);
        var inbox = IntakeTestKit.Inbox(storage);
        foreach (var order in recent)
        {
            Assert.Equal(1, await inbox.CountAsync(PlatformNames.WeChat, WeChatSimulatorHostFixture.ShopId, order.OrderId, CancellationToken.None));
        }
    }
}
