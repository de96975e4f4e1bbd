namespace ServerlessSync.Pipeline.Tests.Platforms.Taobao;

/// <summary>taobao.item.quantity.update (type 1, full) against the simulator: signature, session, unknown SKU, throttling.</summary>
public sealed class TaobaoStockWriterTests(TaobaoSimulatorHostFixture sim) : IClassFixture<TaobaoSimulatorHostFixture>, IDisposable
{
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public void Dispose() => http.Dispose();

    private string Shop => sim.Options.SellerNick;

    private static PlatformSku Sku(int item) => new(TaobaoSimCatalog.Items[item].NumIid, TaobaoSimCatalog.Items[item].SkuId);

    private SimSkuStock.Row Row(int item) => sim.Stock.Get(sim.Options.SellerNick, TaobaoSimCatalog.Items[item].SkuId);

    [Fact]
    public async Task A_full_update_sets_the_skus_stock_and_a_repeat_changes_nothing()
    {
        var writer = new TaobaoStockWriter(http, sim.AdapterOptions());

        Assert.Equal(44, await writer.SetStockAsync(Shop, Sku(0), 44, CancellationToken.None));
        Assert.Equal(44, await writer.SetStockAsync(Shop, Sku(0), 44, CancellationToken.None));
        Assert.Equal(0, await writer.SetStockAsync(Shop, Sku(0), 0, CancellationToken.None));

        Assert.Equal((0L, 3), (Row(0).Stock, Row(0).Updates));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => writer.SetStockAsync(Shop, Sku(0), -1, CancellationToken.None));
        Assert.Equal(3, Row(0).Updates);
    }

    [Fact]
    public async Task A_wrong_signature_a_wrong_session_and_an_unknown_sku_are_refused_and_throttling_is_transient()
    {
        var badSign = await Assert.ThrowsAsync<PlatformRequestException>(() =>
            new TaobaoStockWriter(http, sim.AdapterOptions(o => o.AppSecret = "wrong")).SetStockAsync(Shop, Sku(1), 5, CancellationToken.None));
        var badSession = await Assert.ThrowsAsync<PlatformRequestException>(() =>
            new TaobaoStockWriter(http, sim.AdapterOptions(o => o.SessionKey = "other-session")).SetStockAsync(Shop, Sku(1), 5, CancellationToken.None));
        var writer = new TaobaoStockWriter(http, sim.AdapterOptions());
        var unknown = await Assert.ThrowsAsync<PlatformRequestException>(() => writer.SetStockAsync(Shop, new PlatformSku(TaobaoSimCatalog.Items[1].NumIid, TaobaoSimCatalog.Items[2].SkuId), 5, CancellationToken.None));
        sim.Options.ThrottleRate = 1;
        try
        {
            await Assert.ThrowsAsync<PlatformTransientException>(() => writer.SetStockAsync(Shop, Sku(1), 5, CancellationToken.None));
        }
        finally
        {
            sim.Options.ThrottleRate = 0;
        }

        Assert.Contains("code 25", badSign.Message, StringComparison.Ordinal);
        Assert.Contains("code 27", badSession.Message, StringComparison.Ordinal);
        Assert.Contains("isv.item-not-exist", unknown.Message, StringComparison.Ordinal);
        Assert.Equal((SimSkuStock.InitialStock, 0), (Row(1).Stock, Row(1).Updates));
        Assert.Equal(0, Row(2).Updates);
    }
}
