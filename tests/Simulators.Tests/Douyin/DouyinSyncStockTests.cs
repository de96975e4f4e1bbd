namespace ServerlessSync.Simulators.Tests.Douyin;

/// <summary>sku.syncStock: full and incremental mode, idempotent_id, parameter checks, and the stock inspection endpoints.</summary>
[Collection(DouyinSimulatorCollection.Name)]
public sealed class DouyinSyncStockTests(DouyinSimulatorFixture sim)
{
    private static readonly DemoCatalog.Product Mask = DemoCatalog.Products[3];

    private DouyinSkuStock Stock => sim.Services.GetRequiredService<DouyinSkuStock>();

    /// <summary>A shop of its own per test: the token "test-token" is not mapped, so this maps a fresh one.</summary>
    private string NewShop()
    {
        var shopId = Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        sim.Options.ShopAccessTokens["stock-" + shopId] = shopId;
        return shopId;
    }

    private async Task<(long Code, string? SubCode)> SyncAsync(string shopId, Dictionary<string, string> param)
    {
        var request = DouyinApiSigner.BuildRequest(sim.Options.AppKey, sim.Options.AppSecret, "stock-" + shopId, DouyinStockEndpoint.Path, param, DateTimeOffset.UtcNow);
        using var content = new StringContent(request.Body, Encoding.UTF8, "application/json");
        using var response = await sim.Http.PostAsync(sim.Url("douyin" + request.PathAndQuery), content);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (doc.RootElement.GetProperty("code").GetInt64(), doc.RootElement.TryGetProperty("sub_code", out var sub) ? sub.GetString() : null);
    }

    private static Dictionary<string, string> Param(string stockNum, string? incremental = null, string? idempotentId = null)
    {
        var param = new Dictionary<string, string> { ["product_id"] = Mask.ProductId, ["sku_id"] = Mask.SkuId, ["stock_num"] = stockNum };
        if (incremental is not null)
        {
            param["incremental"] = incremental;
        }

        if (idempotentId is not null)
        {
            param["idempotent_id"] = idempotentId;
        }

        return param;
    }

    [Fact]
    public async Task Full_mode_sets_the_stock_and_refuses_a_negative_figure()
    {
        var shopId = NewShop();

        Assert.Equal(10000, (await SyncAsync(shopId, Param("42"))).Code);
        Assert.Equal(40003, (await SyncAsync(shopId, Param("-1", "false"))).Code);

        Assert.Equal(42, Stock.Get(shopId, Mask.SkuId).Stock);
    }

    [Fact]
    public async Task Incremental_mode_needs_an_idempotent_id_applies_it_once_and_never_goes_below_zero()
    {
        var shopId = NewShop();

        Assert.Equal((40001L, "isv.parameter-missing"), await SyncAsync(shopId, Param("5", "true")));
        Assert.Equal(10000, (await SyncAsync(shopId, Param("-30", "true", "move-1"))).Code);
        Assert.Equal(10000, (await SyncAsync(shopId, Param("-30", "true", "move-1"))).Code);
        var refused = await SyncAsync(shopId, Param("-71", "true", "move-2"));

        Assert.Equal(50002, refused.Code);
        Assert.Equal(SimSkuStock.InitialStock - 30, Stock.Get(shopId, Mask.SkuId).Stock);
    }

    [Fact]
    public async Task Numbers_must_be_sent_as_strings_and_sku_id_and_stock_num_are_required()
    {
        var shopId = NewShop();
        var request = DouyinApiSigner.BuildRequest(sim.Options.AppKey, sim.Options.AppSecret, "stock-" + shopId, DouyinStockEndpoint.Path, new { sku_id = long.Parse(Mask.SkuId, System.Globalization.CultureInfo.InvariantCulture), stock_num = 3 }, DateTimeOffset.UtcNow);
        using var content = new StringContent(request.Body, Encoding.UTF8, "application/json");
        using var response = await sim.Http.PostAsync(sim.Url("douyin" + request.PathAndQuery), content);

        Assert.Contains("isv.parameter-format-invalid", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((40001L, "isv.parameter-missing"), await SyncAsync(shopId, new Dictionary<string, string> { ["sku_id"] = Mask.SkuId }));
        Assert.Equal(SimSkuStock.InitialStock, Stock.Get(shopId, Mask.SkuId).Stock);
    }

    [Fact]
    public async Task The_inspection_endpoint_lists_each_skus_stock_and_lets_a_test_play_a_sale()
    {
        var shopId = NewShop();
        await SyncAsync(shopId, Param("9"));

        using var set = await sim.Http.PostAsJsonAsync(sim.Url("douyin/_sim/stock"), new { shopId, skuId = Mask.SkuId, stock = 8 });
        using var bad = await sim.Http.PostAsJsonAsync(sim.Url("douyin/_sim/stock"), new { shopId, skuId = "nope", stock = 8 });
        using var doc = JsonDocument.Parse(await sim.Http.GetStringAsync(sim.Url($"douyin/_sim/stock?shopId={shopId}")));

        Assert.True(set.IsSuccessStatusCode);
        Assert.Equal(400, (int)bad.StatusCode);
        var row = doc.RootElement.GetProperty("skus").EnumerateArray().Single(r => r.GetProperty("skuId").GetString() == Mask.SkuId);
        Assert.Equal(8, row.GetProperty("stock").GetInt64());
        Assert.Equal(1, row.GetProperty("updates").GetInt32());
        Assert.Equal(DemoCatalog.Products.Count, doc.RootElement.GetProperty("skus").GetArrayLength());
    }
}
