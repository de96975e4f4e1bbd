using static ServerlessSync.Pipeline.Tests.Erp.Jushuitan.JushuitanConnectorHarness;

namespace ServerlessSync.Pipeline.Tests.Erp.Jushuitan;

public sealed class JushuitanConnectorReadTests
{
    [Fact]
    public async Task Stock_is_qty_minus_order_and_pick_locks_and_uploads_lock_stock()
    {
        await using var h = await StartAsync();
        h.Sim.Store.SetStock("MAT-LIP-02", 10, orderLock: 2, pickLock: 1);
        await h.Connector.CreateSalesOrderAsync(Order("DY-S-1", Line("MAT-LIP-01", 3, 10000)), CancellationToken.None);

        var stock = await h.Connector.GetStockAsync(["MAT-LIP-01", "MAT-LIP-02", "MAT-NONE"], CancellationToken.None);

        Assert.Equal(Simulators.DemoCatalog.DefaultStock - 3, stock.Available("MAT-LIP-01"));
        Assert.Equal(7m, stock.Available("MAT-LIP-02"));
        Assert.Equal(0m, stock.Available("MAT-NONE"));
        Assert.Equal(3, stock.AvailableByMaterial.Count);
    }

    [Fact]
    public async Task Stock_for_many_skus_goes_50_per_call()
    {
        var skus = Enumerable.Range(1, 120).Select(i => $"SKU-{i:D3}").ToList();
        await using var h = await StartAsync(o => o.ExtraMaterials.AddRange(skus));

        var stock = await h.Connector.GetStockAsync(skus, CancellationToken.None);

        Assert.Equal(120, stock.AvailableByMaterial.Count);
        Assert.All(skus, s => Assert.Equal(Simulators.DemoCatalog.DefaultStock, stock.Available(s)));
        Assert.Equal(3, h.Calls("inventory/query"));
    }

    [Fact]
    public async Task A_clock_off_by_more_than_ten_minutes_is_refused_and_reported_transient()
    {
        await using var h = await StartAsync(time: new JushuitanShiftedTime(TimeSpan.FromMinutes(-11)));

        var error = await Assert.ThrowsAsync<ErpTransientException>(() => h.Connector.FindByExternalOrderNoAsync("DY-CLOCK", CancellationToken.None));

        Assert.Contains("102", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registration_exposes_the_connector_and_validates_options()
    {
        var good = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Erp:Jushuitan:BaseUrl"] = "http://127.0.0.1:1/jushuitan",
            ["Erp:Jushuitan:AppKey"] = "k",
            ["Erp:Jushuitan:AppSecret"] = "s",
            ["Erp:Jushuitan:AccessToken"] = "t",
            ["Erp:Jushuitan:ShopId"] = "10001",
        }).Build();
        var noShop = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Erp:Jushuitan:BaseUrl"] = "http://127.0.0.1:1/jushuitan",
            ["Erp:Jushuitan:AppKey"] = "k",
            ["Erp:Jushuitan:AppSecret"] = "s",
            ["Erp:Jushuitan:AccessToken"] = "t",
        }).Build();
        using var goodServices = new ServiceCollection().AddLogging().AddJushuitanErp(good).BuildServiceProvider();
        using var badServices = new ServiceCollection().AddLogging().AddJushuitanErp(noShop).BuildServiceProvider();

        Assert.Equal("Jushuitan", goodServices.GetRequiredService<IErpConnector>().Kind);
        Assert.Equal(50, goodServices.GetRequiredService<IOptions<JushuitanOptions>>().Value.UploadBatchSize);
        Assert.Throws<OptionsValidationException>(() => badServices.GetRequiredService<IErpConnector>());
    }
}
