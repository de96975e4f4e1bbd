namespace ServerlessSync.Pipeline.Tests.Platforms.Douyin;

/// <summary>sku.syncStock against the simulator, which checks the signature, the parameters and full versus incremental mode.</summary>
public sealed class DouyinStockWriterTests(DouyinSimulatorHostFixture sim) : IClassFixture<DouyinSimulatorHostFixture>, IDisposable
{
    private static readonly DemoCatalog.Product Lipstick = DemoCatalog.Products[0];

    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public void Dispose() => http.Dispose();

    private (DouyinStockWriter Writer, string ShopId) Writer(string? secret = null)
    {
        var (shopId, api) = sim.NewShop(secret);
        return (new DouyinStockWriter(http, api), shopId);
    }

    [Fact]
    public async Task A_full_sync_sets_the_shops_stock_and_a_repeat_changes_nothing()
    {
        var (writer, shopId) = Writer();

        Assert.Equal(37, await writer.SetStockAsync(shopId, new PlatformSku(Lipstick.ProductId, Lipstick.SkuId), 37, CancellationToken.None));
        await writer.SetStockAsync(shopId, new PlatformSku(Lipstick.ProductId, Lipstick.SkuId), 37, CancellationToken.None);
        await writer.SetStockAsync(shopId, new PlatformSku(Lipstick.ProductId, Lipstick.SkuId), 0, CancellationToken.None);

        var row = sim.Stock.Get(shopId, Lipstick.SkuId);
        Assert.Equal(0, row.Stock);
        Assert.Equal(3, row.Updates);
        Assert.Equal(SimSkuStock.InitialStock, sim.Stock.Get(DemoCatalog.ShopId + "0", Lipstick.SkuId).Stock);
    }

    [Fact]
    public async Task A_wrong_signature_or_a_sku_of_another_product_is_refused_and_the_stock_is_unchanged()
    {
        var (badWriter, badShop) = Writer(secret: "wrong");
        var (writer, shopId) = Writer();

        var badSign = await Assert.ThrowsAsync<PlatformRequestException>(() => badWriter.SetStockAsync(badShop, new PlatformSku(Lipstick.ProductId, Lipstick.SkuId), 5, CancellationToken.None));
        var wrongProduct = await Assert.ThrowsAsync<PlatformRequestException>(() =>
            writer.SetStockAsync(shopId, new PlatformSku(DemoCatalog.Products[1].ProductId, Lipstick.SkuId), 5, CancellationToken.None));
        var unknown = await Assert.ThrowsAsync<PlatformRequestException>(() => writer.SetStockAsync(shopId, new PlatformSku(Lipstick.ProductId, "1"), 5, CancellationToken.None));

        Assert.Contains("isv.signature-invalid", badSign.Message, StringComparison.Ordinal);
        Assert.Contains("50002", wrongProduct.Message, StringComparison.Ordinal);
        Assert.Contains("50002", unknown.Message, StringComparison.Ordinal);
        Assert.Equal(SimSkuStock.InitialStock, sim.Stock.Get(shopId, Lipstick.SkuId).Stock);
        Assert.Equal(SimSkuStock.InitialStock, sim.Stock.Get(badShop, Lipstick.SkuId).Stock);
    }
}
