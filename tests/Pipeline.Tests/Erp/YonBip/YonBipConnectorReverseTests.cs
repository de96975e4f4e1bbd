using static ServerlessSync.Pipeline.Tests.Erp.YonBip.YonBipConnectorHarness;
using static ServerlessSync.Pipeline.Tests.Erp.ErpTestOrders;

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

    [Fact]
    public async Task Reversing_twice_succeeds_both_times_and_deletes_once()
    {
        await using var h = await StartAsync();
        await h.Connector.CreateSalesOrderAsync(Order("DY-RV-2"), CancellationToken.None);
        var existing = (await h.Connector.FindByExternalOrderNoAsync("DY-RV-2", CancellationToken.None))!;

        var first = await h.Connector.ReverseAsync(existing, "refund", CancellationToken.None);
        var second = await h.Connector.ReverseAsync(existing, "refund", CancellationToken.None);

        Assert.Equal(ErpWriteResult.Reversed, first.Result);
        Assert.Equal(ErpWriteResult.Reversed, second.Result);
        Assert.Single(h.Sim.DeletedOrders);
        Assert.Equal(1, h.Calls("delete"));
    }

    [Fact]
    public async Task Http_500_throws_transient_and_leaves_the_order()
    {
        await using var h = await StartAsync();
        await h.Connector.CreateSalesOrderAsync(Order("DY-RV-3"), CancellationToken.None);
        var existing = (await h.Connector.FindByExternalOrderNoAsync("DY-RV-3", CancellationToken.None))!;
        h.Sim.Options.TransientFailureRate = 1;

        await Assert.ThrowsAsync<ErpTransientException>(() => h.Connector.ReverseAsync(existing, "cancelled", CancellationToken.None));

        Assert.Equal(2, Assert.Single(h.Sim.Orders).VerifyState);
        Assert.Empty(h.Sim.DeletedOrders);
    }
}
