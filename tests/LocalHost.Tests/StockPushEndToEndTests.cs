using System.Net.Http.Json;
using ServerlessSync.Domain.Mapping;
using ServerlessSync.Pipeline.Profiles;
using ServerlessSync.Simulators.Kuaishou;

namespace ServerlessSync.LocalHost.Tests;

/// <summary>
/// A whole hub on Azurite: the shop's profile turns the stock push on with a buffer of 3; orders pushed by the Douyin
/// simulator are written to the Kingdee simulator, and the hub's stock-push timer sets each sold SKU's 抖店 stock to
/// Kingdee's available stock less the buffer. When the warehouse's stock changes (Kingdee's admin endpoint) and more orders
/// are written, the platform follows, never below zero. The same for a 快手 shop, whose stock API only adds or subtracts.
/// </summary>
public sealed class StockPushEndToEndTests
{
    private const int Buffer = 3;
    private static readonly TimeSpan Settle = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task The_platforms_stock_follows_the_erp_after_orders_are_written()
    {
        await using var hub = await TestHub.StartAsync(settings: new Dictionary<string, string?>
        {
            ["StockPush:IntervalSeconds"] = "1",
            ["StockPush:MinPushIntervalSeconds"] = "1",
        });
        var seed = ProfileStore.Parse(await File.ReadAllTextAsync(Path.Combine(Azurite.RepositoryRoot(), "config", "profiles", "douyin-100200300.json")));
        await hub.HubService<ProfileStore>().SaveAsync(seed with { StockPush = new StockPushSetting(true, Buffer) }, "test", CancellationToken.None);
        await SetErpStockAsync(hub, p => 40 + DemoCatalog.Products.ToList().IndexOf(p));

        await SyncBurstAsync(hub, seed: 31);
        var sold = await WaitForPlatformAsync(hub, PlatformNames.Douyin, DemoCatalog.ShopId, p => Stock(hub, p));
        Assert.NotEmpty(sold);
        Assert.All(sold, p => Assert.Equal(40 + DemoCatalog.Products.ToList().IndexOf(p) - Buffer, Stock(hub, p)));

        await SetErpStockAsync(hub, p => p == sold[0] ? 2 : 7);
        await SyncBurstAsync(hub, seed: 32);
        var followed = await WaitForPlatformAsync(hub, PlatformNames.Douyin, DemoCatalog.ShopId, p => Stock(hub, p));

        Assert.All(followed, p => Assert.Equal(p == sold[0] ? 0 : 7 - Buffer, Stock(hub, p)));
        using var view = JsonDocument.Parse(await hub.Http.GetStringAsync($"/api/stock-push?platform={PlatformNames.Douyin}&shopId={DemoCatalog.ShopId}"));
        Assert.Equal(followed.Count, view.RootElement.GetProperty("count").GetInt32());
        Assert.All(view.RootElement.GetProperty("skus").EnumerateArray(), s => Assert.Equal(
            Stock(hub, DemoCatalog.Products.Single(p => p.SkuId == s.GetProperty("skuId").GetString())), s.GetProperty("pushed").GetInt64()));
    }

    [Fact]
    public async Task A_kuaishou_shops_stock_follows_the_erp_through_reads_and_increments()
    {
        const string shop = "5000100";
        await using var hub = await TestHub.StartAsync(settings: new Dictionary<string, string?>
        {
            ["StockPush:IntervalSeconds"] = "1",
            ["StockPush:MinPushIntervalSeconds"] = "1",
        });
        var seed = ProfileStore.Parse(await File.ReadAllTextAsync(Path.Combine(Azurite.RepositoryRoot(), "config", "profiles", $"kuaishou-{shop}.json")));
        await hub.HubService<ProfileStore>().SaveAsync(seed with { StockPush = new StockPushSetting(true, Buffer) }, "test", CancellationToken.None);
        await SetErpStockAsync(hub, p => 50 + DemoCatalog.Products.ToList().IndexOf(p));
        var stock = hub.SimulatorService<KuaishouSimStock>();
        long Shown(DemoCatalog.Product p) => stock.Get(shop, p.SkuId).Stock;

        await SyncKuaishouBurstAsync(hub, shop, seed: 51);
        var sold = await WaitForPlatformAsync(hub, PlatformNames.Kuaishou, shop, Shown);
        Assert.NotEmpty(sold);
        Assert.All(sold, p => Assert.Equal(50 + DemoCatalog.Products.ToList().IndexOf(p) - Buffer, Shown(p)));

        // A sale on the platform leaves 1 of the first SKU while the warehouse drops to 2: the push reads 1 and takes it to 0.
        stock.Set(shop, sold[0].SkuId, 1);
        await SetErpStockAsync(hub, p => p == sold[0] ? 2 : 9);
        await SyncKuaishouBurstAsync(hub, shop, seed: 52);
        var followed = await WaitForPlatformAsync(hub, PlatformNames.Kuaishou, shop, Shown);

        Assert.All(followed, p => Assert.Equal(p == sold[0] ? 0 : 9 - Buffer, Shown(p)));
    }

    private static async Task SyncKuaishouBurstAsync(TestHub hub, string shop, int seed)
    {
        var player = new KuaishouBurstPlayer(
            hub.SimulatorService<KuaishouOrderStore>(), hub.SimulatorService<KuaishouPushSender>(), hub.SimulatorService<KuaishouSimulatorOptions>());
        var burst = await player.PlayAsync(new KuaishouBurstPlan { Orders = 5, RatePerSecond = 50, Seed = seed, ShopId = shop, WebhookUrl = hub.HubUrl + "/api/webhooks/kuaishou" }, CancellationToken.None);
        var deadline = DateTime.UtcNow + Settle;
        foreach (var id in burst.OrderIds)
        {
            while ((await hub.Ledger.GetAsync(new OrderKey(PlatformNames.Kuaishou, shop, id), CancellationToken.None))?.Status != SyncStatus.Synced)
            {
                Assert.True(DateTime.UtcNow < deadline, $"Kuaishou order {id} did not sync in time");
                await Task.Delay(250);
            }
        }
    }

    private static long Stock(TestHub hub, DemoCatalog.Product product) => hub.SimulatorService<DouyinSkuStock>().Get(DemoCatalog.ShopId, product.SkuId).Stock;

    /// <summary>Sets each product's material stock through the Kingdee simulator's admin endpoint, as a warehouse change would.</summary>
    private static async Task SetErpStockAsync(TestHub hub, Func<DemoCatalog.Product, decimal> quantity)
    {
        using var http = new HttpClient();
        foreach (var product in DemoCatalog.Products)
        {
            using var response = await http.PostAsJsonAsync(hub.SimulatorUrl + "/kingdee/_sim/stock", new { material = product.MaterialNumber, quantity = quantity(product) });
            response.EnsureSuccessStatusCode();
        }
    }

    private static async Task SyncBurstAsync(TestHub hub, int seed)
    {
        var burst = await hub.PlayDouyinBurstAsync(new DouyinBurstPlan { Orders = 5, RatePerSecond = 50, Seed = seed });
        var ledger = await hub.WaitForLedgerAsync(DemoCatalog.ShopId, burst.OrderIds, Settle, SyncStatus.Synced);
        Assert.All(ledger.Values, e => Assert.Equal(SyncStatus.Synced, e!.Status));
    }

    /// <summary>The products the hub knows for the shop, once each shows Kingdee's stock less the buffer (or the time is up).</summary>
    private static async Task<IReadOnlyList<DemoCatalog.Product>> WaitForPlatformAsync(TestHub hub, string platform, string shopId, Func<DemoCatalog.Product, long> shown)
    {
        var kingdee = hub.Kingdee.Store;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            using var view = JsonDocument.Parse(await hub.Http.GetStringAsync($"/api/stock-push?platform={platform}&shopId={shopId}"));
            var skus = view.RootElement.GetProperty("skus").EnumerateArray()
                .Select(s => (Product: DemoCatalog.Products.Single(p => p.SkuId == s.GetProperty("skuId").GetString()), Pushed: s.GetProperty("pushed")))
                .ToList();
            var known = skus.Select(s => s.Product).ToList();

            // Every SKU the hub knows has been pushed (a SKU an order just sold may not be yet) and shows Kingdee's stock less the buffer.
            var following = skus.Count > 0 && skus.All(s =>
                s.Pushed.ValueKind == JsonValueKind.Number && s.Pushed.GetInt64() == shown(s.Product) &&
                shown(s.Product) == Math.Max(0, (long)kingdee.StockRows().Where(r => r.Material == s.Product.MaterialNumber).Sum(r => r.Quantity) - Buffer));
            if (following || DateTime.UtcNow > deadline)
            {
                return known;
            }

            await Task.Delay(250);
        }
    }
}
