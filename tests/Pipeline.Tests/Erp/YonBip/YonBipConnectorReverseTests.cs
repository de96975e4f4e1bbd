using static ServerlessSync.Pipeline.Tests.Erp.YonBip.YonBipConnectorHarness;

namespace ServerlessSync.Pipeline.Tests.Erp.YonBip;

public sealed class YonBipConnectorReverseTests
{
    [Fact]
    public async Task Audited_order_is_unaudited_then_deleted()
    {
        await using var h = await StartAsync();
        var created = await h.Connector.CreateSalesOrderAsync(Order("DY-RV-1"), CancellationToken.None);
        var existing = (await h.Connector.FindByExternalOrderNoAsync("DY-RV-1", CancellationToken.None))!;

        var outcome = await h.Connector.ReverseAsync(existing, "cancelled by buyer", CancellationToken.None);

        Assert.Equal(ErpWriteOutcome.Reversed(created.ErpOrderNumber!), outcome);
        Assert.Empty(h.Sim.Orders);
        Assert.Equal("DY-RV-1", Assert.Single(h.Sim.DeletedOrders).ExternalOrderNo);
        Assert.Equal(1, h.Calls("batchunaudit"));
        Assert.Equal(1, h.Calls("delete"));
        Assert.Null(await h.Connector.FindByExternalOrderNoAsync("DY-RV-1", CancellationToken.None));
    }
}
