namespace ServerlessSync.Pipeline.Tests.Platforms.WeChat;

/// <summary>
/// stock/get then stock/update (diff_type 1 or 2) against the simulator. The simulated app has one shop, so each test
/// works on a SKU of its own.
/// </summary>
public sealed class WeChatStockWriterTests(WeChatSimulatorHostFixture sim) : IClassFixture<WeChatSimulatorHostFixture>
{
    private const string Shop = WeChatSimulatorHostFixture.ShopId;

    private static PlatformSku Sku(int product) => new(DemoCatalog.Products[product].ProductId, DemoCatalog.Products[product].SkuId);

    private SimSkuStock.Row Row(int product) => sim.Stock.Get(Simulators.WeChat.WeChatSimStock.ShopId, DemoCatalog.Products[product].SkuId);

    [Fact]
    public async Task The_figure_is_reached_by_adding_or_subtracting_the_difference_from_the_stock_read_and_a_repeat_sends_nothing()
    {
        var writer = new WeChatStockWriter(sim.Api());

        Assert.Equal(130, await writer.SetStockAsync(Shop, Sku(0), 130, CancellationToken.None));
        Assert.Equal(130, await writer.SetStockAsync(Shop, Sku(0), 130, CancellationToken.None));
        Assert.Equal(1, Row(0).Updates);

        sim.Stock.Set(Simulators.WeChat.WeChatSimStock.ShopId, DemoCatalog.Products[0].SkuId, 127);
        Assert.Equal(0, await writer.SetStockAsync(Shop, Sku(0), 0, CancellationToken.None));

        Assert.Equal((0L, 2), (Row(0).Stock, Row(0).Updates));
    }

    [Fact]
    public async Task An_unknown_sku_is_refused_and_a_frequency_limit_or_throttling_is_transient_and_changes_nothing()
    {
        var writer = new WeChatStockWriter(sim.Api());

        var unknown = await Assert.ThrowsAsync<PlatformRequestException>(() => writer.SetStockAsync(Shop, new PlatformSku("3600000000000099", "1"), 5, CancellationToken.None));
        sim.Options.StockUpdateMinIntervalMs = 60_000;
        try
        {
            await writer.SetStockAsync(Shop, Sku(1), 60, CancellationToken.None);
            var tooOften = await Assert.ThrowsAsync<PlatformTransientException>(() => writer.SetStockAsync(Shop, Sku(1), 61, CancellationToken.None));
            Assert.Contains("10020112", tooOften.Message, StringComparison.Ordinal);
        }
        finally
        {
            sim.Options.StockUpdateMinIntervalMs = 0;
        }

        sim.Options.ThrottleRate = 1;
        try
        {
            await Assert.ThrowsAsync<PlatformTransientException>(() => writer.SetStockAsync(Shop, Sku(1), 62, CancellationToken.None));
        }
        finally
        {
            sim.Options.ThrottleRate = 0;
        }

        Assert.Contains("10020052", unknown.Message, StringComparison.Ordinal);
        Assert.Equal((60L, 1), (Row(1).Stock, Row(1).Updates));
    }
}
