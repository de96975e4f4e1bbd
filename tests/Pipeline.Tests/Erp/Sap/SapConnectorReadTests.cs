using static ServerlessSync.Pipeline.Tests.Erp.Sap.SapConnectorHarness;

namespace ServerlessSync.Pipeline.Tests.Erp.Sap;

public sealed class SapConnectorReadTests
{
    [Fact]
    public async Task Lookup_finds_an_order_whose_number_holds_quotes_and_url_characters()
    {
        await using var h = await StartAsync();
        const string tricky = "KS'9&1+2#x 3";
        await h.Connector.CreateSalesOrderAsync(Order("KS'9"), CancellationToken.None);
        var created = await h.Connector.CreateSalesOrderAsync(Order(tricky), CancellationToken.None);

        var found = await h.Connector.FindByExternalOrderNoAsync(tricky, CancellationToken.None);
        var missing = await h.Connector.FindByExternalOrderNoAsync("KS'9&1", CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal(created.ErpOrderNumber, found.Number);
        Assert.Equal("A", found.DocumentStatus);
        Assert.Null(missing);
    }

    [Fact]
    public async Task Lookup_of_a_doubled_order_picks_the_first_one()
    {
        await using var h = await StartAsync();
        var first = await h.Connector.CreateSalesOrderAsync(Order("DY-D-1"), CancellationToken.None);
        await h.Connector.CreateSalesOrderAsync(Order("DY-D-1"), CancellationToken.None);

        var found = await h.Connector.FindByExternalOrderNoAsync("DY-D-1", CancellationToken.None);

        Assert.Equal(first.ErpOrderNumber, found!.Number);
        Assert.Equal(["DY-D-1"], h.Sim.Duplicates);
    }

    [Fact]
    public async Task Completing_an_existing_order_reports_it_without_calling_sap()
    {
        await using var h = await StartAsync();
        var before = h.Sim.Metrics.Snapshot().TotalCalls;

        var outcome = await h.Connector.CompleteExistingAsync(new ErpOrderRef("5000042", "5000042", "A"), CancellationToken.None);

        Assert.Equal(ErpWriteOutcome.AlreadyExists("5000042"), outcome);
        Assert.Equal(before, h.Sim.Metrics.Snapshot().TotalCalls);
    }

    [Fact]
    public async Task Stock_sums_unrestricted_rows_of_the_plant_across_pages_and_ignores_blocked_and_other_plants()
    {
        await using var h = await StartAsync(o =>
        {
            o.ServerPageSize = 2;
            o.Stock["MAT-LIP-01"] = 12;
            o.Stock["MAT-CREAM-50"] = 0;
        });
        h.Sim.Store.SetStock("MAT-LIP-01", SapSimCatalog.Plant, "101B", "B0001", SapSimCatalog.UnrestrictedUse, 5.5m);
        h.Sim.Store.SetStock("MAT-LIP-01", SapSimCatalog.Plant, "101B", "B0002", "02", 40m);

        var stock = await h.Connector.GetStockAsync(["MAT-LIP-01", "MAT-CREAM-50", "MAT-NOT-STOCKED", "MAT-LIP-01"], CancellationToken.None);

        Assert.Equal(17.5m, stock.Available("MAT-LIP-01"));
        Assert.Equal(0m, stock.Available("MAT-CREAM-50"));
        Assert.Equal(0m, stock.Available("MAT-NOT-STOCKED"));
        Assert.Equal(3, stock.AvailableByMaterial.Count);
        Assert.True(h.Calls("GET A_MatlStkInAcctMod") >= 2, "the answer came in pages of two rows");
    }

    [Fact]
    public async Task Erp_kind_sap_puts_every_call_behind_the_governor()
    {
        await using var h = await StartAsync(register: (services, configuration) =>
        {
            services.AddSingleton(new ErpGovernorOptions { MaxCallsPerSecond = 1000, MaxConcurrency = 1 });
            services.AddSingleton<ErpGovernor>();
            services.AddTransient<ErpGovernorHandler>();
            return services.AddErpConnector("Sap", configuration);
        }, simulator: o => o.LatencyMs = 20);

        Assert.Contains("Sap", ErpServices.Kinds);
        Assert.Equal("Sap", h.Connector.Kind);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6)
            .Select(i => h.Connector.CreateSalesOrderAsync(Order($"DY-G-{i}"), CancellationToken.None)));

        Assert.All(outcomes, o => Assert.Equal(ErpWriteResult.Created, o.Result));
        Assert.Equal(1, h.Sim.Metrics.Snapshot().PeakConcurrency);
        Assert.Equal(6, h.Sim.Orders.Count);
    }

    [Fact]
    public void Missing_sales_area_settings_fail_validation_at_startup()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Erp:Sap:BaseUrl"] = "http://127.0.0.1:1/sap", ["Erp:Sap:UserName"] = "U", ["Erp:Sap:Password"] = "P" })
            .Build();
        using var services = new ServiceCollection().AddLogging().AddSapErp(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IErpConnector>());

        Assert.Contains("SalesOrganization", error.Message, StringComparison.Ordinal);
        Assert.Contains("Plant", error.Message, StringComparison.Ordinal);
    }
}
