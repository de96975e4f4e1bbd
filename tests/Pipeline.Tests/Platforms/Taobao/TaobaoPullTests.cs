namespace ServerlessSync.Pipeline.Tests.Platforms.Taobao;

/// <summary>The Taobao lister under the real pull runner, Inbox and intake queue (Azurite) and the simulator.</summary>
public sealed class TaobaoPullTests(TaobaoSimulatorHostFixture sim) : IClassFixture<TaobaoSimulatorHostFixture>, IDisposable
{
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public void Dispose() => http.Dispose();

    private PullService Pull(StorageClients storage, int settleSeconds) => new(
        [new TaobaoOrderLister(http, sim.AdapterOptions(o => o.PageSize = 5))],
        new WatermarkStore(storage),
        IntakeTestKit.Committer(storage),
        new EnqueuedOrderVersions(),
        new SkippedListEntries(storage, TimeProvider.System),
        IntakeTestKit.Alerts(storage),
        new ConfigurationBuilder().Build(),
        Options.Create(new PullOptions { OverlapSeconds = 300, InitialLookbackMinutes = 60, SettleSeconds = settleSeconds }),
        TimeProvider.System,
        NullLogger<PullService>.Instance);

    [Fact]
    public async Task Pulls_while_trades_keep_changing_enqueue_every_trade()
    {
        var storage = await CoreStorage.CreateAsync();
        var now = DateTimeOffset.UtcNow;
        var created = sim.Store.CreateOrders(60, modifiedFrom: now.AddMinutes(-40), modifiedTo: now.AddMinutes(-2));
        var lister = new TaobaoOrderLister(http, sim.AdapterOptions(o => o.PageSize = 5));

        PullResult first;
        try
        {
            sim.Options.BumpPerListPage = 3;
            first = await Pull(storage, settleSeconds: 2).PullShopAsync(lister, sim.Options.SellerNick, CancellationToken.None);
        }
        finally
        {
            sim.Options.BumpPerListPage = 0;
        }

        var second = await Pull(storage, settleSeconds: 0).PullShopAsync(lister, sim.Options.SellerNick, CancellationToken.None);

        Assert.True(first.Pages > 10, $"the first pull read {first.Pages} pages");
        Assert.True(second.Enqueued > 0, "trades modified during the first pull are enqueued by the next one");
        await IntakeTestKit.ConsumeAllAsync(storage, IntakeTestKit.Consumer(storage).Handler);
        var inbox = IntakeTestKit.Inbox(storage);
        foreach (var trade in created)
        {
            Assert.True(await inbox.CountAsync(PlatformNames.Taobao, sim.Options.SellerNick, trade.Tid, CancellationToken.None) >= 1,
                $"trade {trade.Tid} was never enqueued");
        }
    }
}
