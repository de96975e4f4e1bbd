using ServerlessSync.Pipeline.StockPush;

namespace ServerlessSync.Pipeline.Tests.StockPush;

/// <summary>
/// The stock push with the real Douyin stock writer against the simulator, and the real store, profiles and alerts on
/// Azurite; the ERP's stock is held in memory behind the connector contract and read through the real ErpStockBatcher.
/// </summary>
public sealed class StockPusherTests(DouyinSimulatorHostFixture sim) : DouyinShopTests(sim)
{
    private static readonly DemoCatalog.Product Lipstick = DemoCatalog.Products[0];
    private static readonly DemoCatalog.Product Cream = DemoCatalog.Products[2];
    private static readonly DemoCatalog.Product Serum = DemoCatalog.Products[4];

    private sealed record Rig(StockPusher Pusher, StockPushSignal Signal, InMemoryErp Erp, Shop Shop) : Shop(Shop), IDisposable
    {
        public ErpStockBatcher? Batcher { get; init; }

        public void Dispose() => Batcher?.Dispose();
    }

    private async Task<Rig> RigAsync(StockPushSetting setting, Func<MappingProfile, MappingProfile>? shape = null, StockPushOptions? settings = null)
    {
        var shop = await NewShopAsync();
        var (storage, clock, profiles) = (shop.Storage, shop.Clock, shop.Profiles);
        await shop.SaveDemoProfileAsync(profile => (shape ?? (p => p))(profile with { StockPush = setting }));
        var erp = new InMemoryErp(maxBatchSize: 50);
        var batcher = new ErpStockBatcher(erp, new ErpGovernor(new ErpGovernorOptions { MaxCallsPerSecond = 10_000, MaxConcurrency = 4 }), Options.Create(new ErpBatchingOptions { BatchWindowMs = 1 }), TimeProvider.System);
        var options = Options.Create(settings ?? new StockPushOptions { DefaultCallsPerSecond = 1000, MinPushIntervalSeconds = 10, AlertAfterAttempts = 2, RetryBaseSeconds = 20 });
        var store = new StockPushStore(storage);
        var pusher = new StockPusher(store, profiles, batcher, [new DouyinStockWriter(Http, shop.Api)], shop.Alerts, options, clock, NullLogger<StockPusher>.Instance);
        return new Rig(pusher, new StockPushSignal(store, profiles, options, clock), erp, shop) { Batcher = batcher };
    }

    private static SalesLine Sold(DemoCatalog.Product product) =>
        new(product.MerchantCode, product.Title, 1, product.PriceFen, false, new SoldSku(product.ProductId, product.SkuId, product.MerchantCode));

    private static Task WrittenAsync(Rig rig, params DemoCatalog.Product[] products) =>
        rig.Signal.ErpWrittenAsync(new OrderKey(PlatformNames.Douyin, rig.ShopId, Guid.NewGuid().ToString("N")), products.Select(Sold).ToList(), CancellationToken.None);

    private long OnPlatform(Rig rig, DemoCatalog.Product product) => Sim.Stock.Get(rig.ShopId, product.SkuId).Stock;

    private int Updates(Rig rig, DemoCatalog.Product product) => Sim.Stock.Get(rig.ShopId, product.SkuId).Updates;

    [Fact]
    public async Task Mapped_skus_show_the_erp_stock_less_the_buffer_and_never_below_zero()
    {
        using var rig = await RigAsync(new StockPushSetting(true, DefaultBuffer: 5, Buffers: new Dictionary<string, int> { ["SKU-LIP-01"] = 2 }));
        rig.Erp.Stock["MAT-LIP-01"] = 50;
        rig.Erp.Stock["MAT-CREAM-50"] = 3;
        await WrittenAsync(rig, Lipstick, Cream);

        var result = await rig.Pusher.RunAsync(CancellationToken.None);

        Assert.Equal(2, result.Pushed);
        Assert.Equal(48, OnPlatform(rig, Lipstick));
        Assert.Equal(0, OnPlatform(rig, Cream));
        using var view = JsonDocument.Parse((await new StockPushApi(new StockPushStore(rig.Storage)).GetAsync(PlatformNames.Douyin, rig.ShopId, CancellationToken.None)).Body);
        var cream = view.RootElement.GetProperty("skus").EnumerateArray().Single(s => s.GetProperty("skuId").GetString() == Cream.SkuId);
        Assert.Equal(0, cream.GetProperty("pushed").GetInt64());
        Assert.Equal(Cream.ProductId, cream.GetProperty("productId").GetString());
    }

    [Fact]
    public async Task A_combo_shows_the_whole_combos_its_components_make()
    {
        using var rig = await RigAsync(new StockPushSetting(true), p => p with
        {
            Skus = p.Skus.Where(s => s.Key != Serum.MerchantCode).ToDictionary(),
            Combos = new Dictionary<string, ComboMapping> { [Serum.MerchantCode] = new([new("MAT-A", "Pcs", 2, 100), new("MAT-B", "Pcs", 3, 100)]) },
        });
        rig.Erp.Stock["MAT-A"] = 9;
        rig.Erp.Stock["MAT-B"] = 10;
        await WrittenAsync(rig, Serum);

        await rig.Pusher.RunAsync(CancellationToken.None);

        Assert.Equal(3, OnPlatform(rig, Serum));
    }

    [Fact]
    public async Task A_burst_of_erp_writes_is_one_push_per_sku_and_a_push_waits_out_the_minimum_interval()
    {
        using var rig = await RigAsync(new StockPushSetting(true));
        rig.Erp.Stock["MAT-LIP-01"] = 500;
        rig.Erp.Stock["MAT-CREAM-50"] = 80;
        for (var i = 0; i < 40; i++)
        {
            await WrittenAsync(rig, Lipstick, Cream);
        }

        var first = await rig.Pusher.RunAsync(CancellationToken.None);
        Assert.Equal((2, 1, 1), (first.Pushed, Updates(rig, Lipstick), Updates(rig, Cream)));

        rig.Clock.Advance(TimeSpan.FromSeconds(3));
        rig.Erp.Stock["MAT-LIP-01"] = 499;
        await WrittenAsync(rig, Lipstick);
        var tooSoon = await rig.Pusher.RunAsync(CancellationToken.None);
        Assert.Equal((0, 1, 1), (tooSoon.Pushed, tooSoon.Deferred, tooSoon.Unchanged));
        Assert.Equal(500, OnPlatform(rig, Lipstick));

        rig.Clock.Advance(TimeSpan.FromSeconds(10));
        var later = await rig.Pusher.RunAsync(CancellationToken.None);
        Assert.Equal(1, later.Pushed);
        Assert.Equal((499, 2, 1), (OnPlatform(rig, Lipstick), Updates(rig, Lipstick), Updates(rig, Cream)));

        var quiet = await rig.Pusher.RunAsync(CancellationToken.None);
        Assert.Equal(0, quiet.Pushed + quiet.Deferred);
    }

    [Fact]
    public async Task A_failed_push_is_retried_after_its_wait_and_alerted_after_repeated_failures()
    {
        using var rig = await RigAsync(new StockPushSetting(true));
        rig.Erp.Stock["MAT-LIP-01"] = 12;
        await WrittenAsync(rig, Lipstick);

        await WhilePlatformFailsAsync(async () =>
        {
            Assert.Equal(1, (await rig.Pusher.RunAsync(CancellationToken.None)).Failed);
            rig.Clock.Advance(TimeSpan.FromSeconds(5));
            Assert.Equal(0, (await rig.Pusher.RunAsync(CancellationToken.None)).Failed); // its retry is not due yet
            rig.Clock.Advance(TimeSpan.FromSeconds(20));
            Assert.Equal(1, (await rig.Pusher.RunAsync(CancellationToken.None)).Failed);
        });

        var sku = (await new StockPushStore(rig.Storage).ListSkusAsync(PlatformNames.Douyin, rig.ShopId, CancellationToken.None)).Single();
        Assert.Equal(2, sku.Failures);
        Assert.Contains("HTTP 500", sku.LastError, StringComparison.Ordinal);
        Assert.Equal(SimSkuStock.InitialStock, OnPlatform(rig, Lipstick));
        var alerts = (await new RecentAlertsApi(rig.Storage).GetAsync(null, CancellationToken.None)).Body;
        Assert.Contains("StockPushFailed", alerts, StringComparison.Ordinal);

        rig.Clock.Advance(TimeSpan.FromSeconds(40));
        var retried = await rig.Pusher.RunAsync(CancellationToken.None);

        Assert.Equal(1, retried.Pushed);
        Assert.Equal(12, OnPlatform(rig, Lipstick));
        Assert.Equal(0, (await new StockPushStore(rig.Storage).ListSkusAsync(PlatformNames.Douyin, rig.ShopId, CancellationToken.None)).Single().Failures);
    }

    [Fact]
    public async Task A_run_tries_at_most_max_per_run_pushes_and_the_next_run_does_the_rest()
    {
        using var rig = await RigAsync(new StockPushSetting(true), settings: new StockPushOptions { DefaultCallsPerSecond = 1000, MaxPerRun = 1 });
        rig.Erp.Stock["MAT-LIP-01"] = 5;
        rig.Erp.Stock["MAT-CREAM-50"] = 6;
        await WrittenAsync(rig, Lipstick, Cream);

        var first = await rig.Pusher.RunAsync(CancellationToken.None);
        var second = await rig.Pusher.RunAsync(CancellationToken.None);

        Assert.Equal((1, 1), (first.Pushed, first.Deferred));
        Assert.Equal(1, second.Pushed);
        Assert.Equal((5, 6), (OnPlatform(rig, Lipstick), OnPlatform(rig, Cream)));
    }

    [Fact]
    public async Task After_max_attempts_a_failing_sku_waits_a_full_refresh_before_its_next_try()
    {
        using var rig = await RigAsync(new StockPushSetting(true), settings: new StockPushOptions { DefaultCallsPerSecond = 1000, MaxAttempts = 1, RetryBaseSeconds = 5, FullRefreshSeconds = 100 });
        rig.Erp.Stock["MAT-LIP-01"] = 9;
        await WrittenAsync(rig, Lipstick);
        await WhilePlatformFailsAsync(async () =>
        {
            Assert.Equal(1, (await rig.Pusher.RunAsync(CancellationToken.None)).Failed);
        });

        rig.Clock.Advance(TimeSpan.FromSeconds(50));
        var early = await rig.Pusher.RunAsync(CancellationToken.None);
        rig.Clock.Advance(TimeSpan.FromSeconds(51));
        var due = await rig.Pusher.RunAsync(CancellationToken.None);

        Assert.Equal(0, early.Pushed);
        Assert.Equal(1, due.Pushed);
        Assert.Equal(9, OnPlatform(rig, Lipstick));
        Assert.Contains("full refresh", (await new RecentAlertsApi(rig.Storage).GetAsync(null, CancellationToken.None)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shop_whose_profile_leaves_the_push_off_is_never_pushed()
    {
        using var rig = await RigAsync(StockPushSetting.Off);
        rig.Erp.Stock["MAT-LIP-01"] = 12;
        await WrittenAsync(rig, Lipstick);

        var result = await rig.Pusher.RunAsync(CancellationToken.None);

        Assert.Equal(0, result.Pushed);
        Assert.Equal(0, Updates(rig, Lipstick));
        Assert.Empty(rig.Erp.StockQueries);
    }
}
