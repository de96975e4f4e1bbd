using static ServerlessSync.Pipeline.Tests.Erp.Kingdee.KingdeeConnectorHarness;

namespace ServerlessSync.Pipeline.Tests.Erp.Kingdee;

public sealed class KingdeeConnectorReadTests
{
    [Fact]
    public async Task Finds_an_order_by_platform_order_number()
    {
        await using var h = await StartAsync();
        var created = await h.Connector.CreateSalesOrderAsync(Order("DY-F-1"), CancellationToken.None);

        var found = await h.Connector.FindByExternalOrderNoAsync("DY-F-1", CancellationToken.None);
        var missing = await h.Connector.FindByExternalOrderNoAsync("DY-F-404", CancellationToken.None);
        var quoted = await h.Connector.FindByExternalOrderNoAsync("DY' or '1'='1", CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal(created.ErpOrderNumber, found.Number);
        Assert.Equal(h.Sim.Bills.Single().Id.ToString(System.Globalization.CultureInfo.InvariantCulture), found.Id);
        Assert.Equal("C", found.DocumentStatus);
        Assert.Null(missing);
        Assert.Null(quoted);
    }

    [Fact]
    public async Task Complete_existing_finishes_saved_and_submitted_bills_and_leaves_audited_ones()
    {
        await using var h = await StartAsync(o => o.CommitThenTimeoutRate = 1);
        await Assert.ThrowsAsync<ErpTransientException>(() => h.Connector.CreateSalesOrderAsync(Order("DY-E-1"), CancellationToken.None));
        h.Sim.Options.CommitThenTimeoutRate = 0;
        var saved = (await h.Connector.FindByExternalOrderNoAsync("DY-E-1", CancellationToken.None))!;

        var first = await h.Connector.CompleteExistingAsync(saved, CancellationToken.None);
        var auditedRef = (await h.Connector.FindByExternalOrderNoAsync("DY-E-1", CancellationToken.None))!;
        var callsBefore = h.Sim.Metrics.Snapshot().TotalCalls;
        var second = await h.Connector.CompleteExistingAsync(auditedRef, CancellationToken.None);

        Assert.Equal(ErpWriteResult.AlreadyExists, first.Result);
        Assert.Equal("C", auditedRef.DocumentStatus);
        Assert.Equal(ErpWriteResult.AlreadyExists, second.Result);
        Assert.Equal(saved.Number, second.ErpOrderNumber);
        Assert.Equal(callsBefore, h.Sim.Metrics.Snapshot().TotalCalls);
    }

    [Fact]
    public async Task Complete_existing_audits_a_submitted_bill()
    {
        await using var h = await StartAsync(o => o.CommitThenTimeoutRate = 1);
        await Assert.ThrowsAsync<ErpTransientException>(() => h.Connector.CreateSalesOrderAsync(Order("DY-E-2"), CancellationToken.None));
        var bill = h.Sim.Bills.Single();
        h.Sim.Store.TryMove(bill.Id, ["A"], "B");

        var outcome = await h.Connector.CompleteExistingAsync(new ErpOrderRef(bill.BillNo, bill.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "B"), CancellationToken.None);

        Assert.Equal(ErpWriteResult.AlreadyExists, outcome.Result);
        Assert.Equal("C", h.Sim.Bills.Single().Status);
        Assert.Equal(0, h.Calls("Submit"));
    }

    [Fact]
    public async Task Stock_is_summed_per_material_across_warehouses()
    {
        await using var h = await StartAsync();
        h.Sim.Store.SetStock("MAT-LIP-01", "CK002", 5.5m);
        h.Sim.Store.SetStock("MAT-CREAM-50", DemoCatalog.WarehouseNumber, 0);

        var stock = await h.Connector.GetStockAsync(["MAT-LIP-01", "MAT-CREAM-50", "MAT-NONE"], CancellationToken.None);

        Assert.Equal(DemoCatalog.DefaultStock + 5.5m, stock.Available("MAT-LIP-01"));
        Assert.Equal(0m, stock.Available("MAT-CREAM-50"));
        Assert.Equal(0m, stock.Available("MAT-NONE"));
        Assert.Equal(3, stock.AvailableByMaterial.Count);
    }

    [Fact]
    public void Registration_exposes_the_connector_and_validates_options()
    {
        var good = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Erp:Kingdee:BaseUrl"] = "http://127.0.0.1:1/k3cloud/",
            ["Erp:Kingdee:AcctId"] = "a",
            ["Erp:Kingdee:UserName"] = "u",
            ["Erp:Kingdee:AppId"] = "x_y",
            ["Erp:Kingdee:AppSecret"] = "s",
        }).Build();
        var bad = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Erp:Kingdee:AcctId"] = "a" }).Build();
        using var goodServices = new ServiceCollection().AddLogging().AddKingdeeErp(good).BuildServiceProvider();
        using var badServices = new ServiceCollection().AddLogging().AddKingdeeErp(bad).BuildServiceProvider();

        Assert.Equal("Kingdee", goodServices.GetRequiredService<IErpConnector>().Kind);
        Assert.Equal(2052, goodServices.GetRequiredService<IOptions<KingdeeOptions>>().Value.Lcid);
        Assert.Throws<OptionsValidationException>(() => badServices.GetRequiredService<IErpConnector>());
    }
}
