namespace ServerlessSync.Pipeline.Tests.Core;

/// <summary>
/// What the queue workers' tests against the Douyin simulator share (seller notes, shipments, stock): a fresh shop on the
/// simulator and a client to reach it, the real ledger and profiles on Azurite, and a test clock for the worker (retry
/// times, push intervals); the platform calls are signed with the real clock, as the gateway checks timestamp freshness.
/// </summary>
public abstract class DouyinShopTests(DouyinSimulatorHostFixture sim) : IClassFixture<DouyinSimulatorHostFixture>, IDisposable
{
    protected DouyinSimulatorHostFixture Sim => sim;

    protected HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };

    public void Dispose()
    {
        Http.Dispose();
        GC.SuppressFinalize(this);
    }

    private protected record Shop(string ShopId, IOptions<DouyinApiOptions> Api, StorageClients Storage, ManualClock Clock, OrderLedger Ledger, ProfileStore Profiles)
    {
        public AlertService Alerts { get; } = new(Storage, [], Options.Create(new AlertOptions()), Clock, NullLogger<AlertService>.Instance);

        /// <summary>The demo Douyin profile (config/profiles) saved for this shop, shaped by the test.</summary>
        public async Task<MappingProfile> SaveDemoProfileAsync(Func<MappingProfile, MappingProfile>? shape = null)
        {
            var seed = ProfileStore.Parse(await File.ReadAllTextAsync(Path.Combine(Azurite.RepositoryRoot(), "config", "profiles", "douyin-100200300.json")));
            return await Profiles.SaveAsync((shape ?? (p => p))(seed with { ShopId = ShopId }), "test", CancellationToken.None);
        }

        /// <summary>The instance ids of the orders alerted for with <paramref name="kind"/>.</summary>
        public async Task<List<string>> AlertedAsync(AlertKind kind)
        {
            var table = await Storage.TableAsync(AlertService.LogTable);
            var name = kind.ToString();
            return await table.QueryAsync<TableEntity>(e => e.GetString("Kind") == name).Select(e => e.GetString("InstanceId")).ToListAsync();
        }

        /// <summary>The ledger as the write-back leaves an order the ERP took as <paramref name="erpNumber"/>.</summary>
        public Task RecordSyncedAsync(OrderKey key, string erpNumber) =>
            Ledger.UpdateAsync(key, _ => new LedgerEntry { Key = key, Status = SyncStatus.Received }.With(SyncStatus.Synced, "written", Clock.GetUtcNow(), erpNumber), CancellationToken.None);
    }

    /// <summary>Runs <paramref name="work"/> while every call to the platform fails, then lets calls through again.</summary>
    protected async Task WhilePlatformFailsAsync(Func<Task> work)
    {
        Sim.Options.ApiFailureRate = 1;
        try
        {
            await work();
        }
        finally
        {
            Sim.Options.ApiFailureRate = 0;
        }
    }

    private protected async Task<Shop> NewShopAsync()
    {
        var (shopId, api) = sim.NewShop();
        var storage = await CoreStorage.CreateAsync();
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        return new Shop(shopId, api, storage, clock, new OrderLedger(storage), new ProfileStore(storage, clock));
    }
}
