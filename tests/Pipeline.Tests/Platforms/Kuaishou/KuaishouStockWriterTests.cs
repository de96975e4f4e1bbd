namespace ServerlessSync.Pipeline.Tests.Platforms.Kuaishou;

/// <summary>
/// open.item.sku.list.get then open.item.sku.stock.update against the simulator: the stock API only adds or subtracts, so
/// the writer reads the SKU's stock and sends the difference; signature, limits and throttling as the simulator checks them.
/// </summary>
public sealed class KuaishouStockWriterTests(KuaishouSimulatorHostFixture sim) : IClassFixture<KuaishouSimulatorHostFixture>, IDisposable
{
    private static readonly DemoCatalog.Product Cream = DemoCatalog.Products[2];
    private static readonly PlatformSku CreamSku = new(Cream.ProductId, Cream.SkuId);

    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public void Dispose() => http.Dispose();

    /// <summary>A seller of its own (its own token), so a test's stock rows are its own.</summary>
    private (KuaishouStockWriter Writer, string SellerId) Writer(string? signSecret = null)
    {
        var sellerId = Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture);
        var shops = new Dictionary<string, PlatformShopSettings> { [sellerId] = new() { AccessToken = KuaishouOpenApiEndpoints.SellerTokenPrefix + sellerId } };
        return (new KuaishouStockWriter(http, sim.ClientOptions(signSecret, shops: shops)), sellerId);
    }

    [Fact]
    public async Task The_figure_is_reached_by_sending_the_difference_from_the_stock_read_and_a_repeat_sends_nothing()
    {
        var (writer, seller) = Writer();

        Assert.Equal(37, await writer.SetStockAsync(seller, CreamSku, 37, CancellationToken.None));
        Assert.Equal(37, await writer.SetStockAsync(seller, CreamSku, 37, CancellationToken.None));
        Assert.Equal(1, sim.Stock.Get(seller, Cream.SkuId).Updates);

        Assert.Equal(52, await writer.SetStockAsync(seller, CreamSku, 52, CancellationToken.None));
        Assert.Equal(0, await writer.SetStockAsync(seller, CreamSku, 0, CancellationToken.None));

        var row = sim.Stock.Get(seller, Cream.SkuId);
        Assert.Equal(0, row.Stock);
        Assert.Equal(3, row.Updates);
        Assert.Equal(SimSkuStock.InitialStock, sim.Stock.Get(sim.Options.SellerId, Cream.SkuId).Stock);
    }

    [Fact]
    public async Task A_retry_after_a_change_was_applied_or_a_sale_reads_the_stock_again_and_never_applies_a_change_twice()
    {
        var (writer, seller) = Writer();
        await writer.SetStockAsync(seller, CreamSku, 40, CancellationToken.None);

        // The answer to the first push was lost: the retry finds 40 already shown and sends nothing.
        await writer.SetStockAsync(seller, CreamSku, 40, CancellationToken.None);
        Assert.Equal((40L, 1), (sim.Stock.Get(seller, Cream.SkuId).Stock, sim.Stock.Get(seller, Cream.SkuId).Updates));

        // Two units sold on the platform meanwhile: the next push adds back exactly what is missing.
        sim.Stock.Set(seller, Cream.SkuId, 38);
        Assert.Equal(40, await writer.SetStockAsync(seller, CreamSku, 40, CancellationToken.None));
        Assert.Equal((40L, 2), (sim.Stock.Get(seller, Cream.SkuId).Stock, sim.Stock.Get(seller, Cream.SkuId).Updates));
    }

    [Fact]
    public async Task A_figure_above_the_platforms_maximum_is_shown_as_the_maximum_and_a_negative_one_is_never_sent()
    {
        var (writer, seller) = Writer();

        Assert.Equal(KuaishouSkuStock.MaxStock, await writer.SetStockAsync(seller, CreamSku, 20_000_000, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => writer.SetStockAsync(seller, CreamSku, -1, CancellationToken.None));

        Assert.Equal((KuaishouSkuStock.MaxStock, 1), (sim.Stock.Get(seller, Cream.SkuId).Stock, sim.Stock.Get(seller, Cream.SkuId).Updates));
    }

    [Fact]
    public async Task A_wrong_signature_and_an_unknown_sku_are_refused_and_throttling_is_transient()
    {
        var (badWriter, badSeller) = Writer(signSecret: "wrong");
        var (writer, seller) = Writer();

        var badSign = await Assert.ThrowsAsync<PlatformRequestException>(() => badWriter.SetStockAsync(badSeller, CreamSku, 5, CancellationToken.None));
        var unknown = await Assert.ThrowsAsync<PlatformRequestException>(() => writer.SetStockAsync(seller, new PlatformSku("3600000000000099", Cream.SkuId), 5, CancellationToken.None));
        sim.Options.ThrottleRate = 1;
        try
        {
            await Assert.ThrowsAsync<PlatformTransientException>(() => writer.SetStockAsync(seller, CreamSku, 5, CancellationToken.None));
        }
        finally
        {
            sim.Options.ThrottleRate = 0;
        }

        Assert.Contains("SIGN_INVALID", badSign.Message, StringComparison.Ordinal);
        Assert.Contains("ITEM_NOT_EXIST", unknown.Message, StringComparison.Ordinal);
        Assert.Equal((SimSkuStock.InitialStock, 0), (sim.Stock.Get(seller, Cream.SkuId).Stock, sim.Stock.Get(seller, Cream.SkuId).Updates));
        Assert.Equal(SimSkuStock.InitialStock, sim.Stock.Get(badSeller, Cream.SkuId).Stock);
    }
}
