using static ServerlessSync.Pipeline.Tests.Erp.YonBip.YonBipConnectorHarness;

namespace ServerlessSync.Pipeline.Tests.Erp.YonBip;

public sealed class YonBipConnectorReadTests
{
    [Fact]
    public async Task Create_then_lookup_finds_the_order_and_complete_existing_says_already_exists_without_calls()
    {
        await using var h = await StartAsync();
        var created = await h.Connector.CreateSalesOrderAsync(Order("DY-F-1"), CancellationToken.None);

        var found = await h.Connector.FindByExternalOrderNoAsync("DY-F-1", CancellationToken.None);
        var missing = await h.Connector.FindByExternalOrderNoAsync("DY-F-404", CancellationToken.None);
        var callsBefore = h.Sim.Metrics.Snapshot().TotalCalls;
        var completed = await h.Connector.CompleteExistingAsync(found!, CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal(created.ErpOrderNumber, found.Number);
        Assert.Equal(h.Sim.Orders.Single().Id.ToString(System.Globalization.CultureInfo.InvariantCulture), found.Id);
        Assert.Equal(YonBipVerifyState.Approved, found.DocumentStatus);
        Assert.Null(missing);
        Assert.Equal(ErpWriteResult.AlreadyExists, completed.Result);
        Assert.Equal(created.ErpOrderNumber, completed.ErpOrderNumber);
        Assert.Equal(callsBefore, h.Sim.Metrics.Snapshot().TotalCalls);
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
        Assert.Equal(3, h.Calls("QueryCurrentStocksByCondition"));
    }

    [Fact]
    public async Task Throttling_on_a_read_is_transient()
    {
        await using var h = await StartAsync();
        await h.Connector.FindByExternalOrderNoAsync("warm-up", CancellationToken.None);
        h.Sim.Options.MaxConcurrency = 1;
        h.Sim.Options.LatencyMs = 500;

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(async i =>
        {
            try
            {
                await h.Connector.GetStockAsync([$"MAT-LIP-0{i}"], CancellationToken.None);
                return null;
            }
            catch (ErpTransientException ex)
            {
                return ex;
            }
        }));

        Assert.Contains(results, e => e is not null && e.Message.Contains("310039", StringComparison.Ordinal));
        Assert.True(h.Sim.Metrics.Snapshot().Throttled >= 1);
    }

}
