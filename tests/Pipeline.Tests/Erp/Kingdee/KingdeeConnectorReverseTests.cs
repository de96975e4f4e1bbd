using static ServerlessSync.Pipeline.Tests.Erp.Kingdee.KingdeeConnectorHarness;
using static ServerlessSync.Pipeline.Tests.Erp.ErpTestOrders;

namespace ServerlessSync.Pipeline.Tests.Erp.Kingdee;

public sealed class KingdeeConnectorReverseTests
{
    [Fact]
    public async Task Audited_bill_is_unaudited_then_deleted()
    {
        await using var h = await StartAsync();
        var created = await h.Connector.CreateSalesOrderAsync(Order("DY-RV-1"), CancellationToken.None);
        var existing = await h.Connector.FindByExternalOrderNoAsync("DY-RV-1", CancellationToken.None);

        var outcome = await h.Connector.ReverseAsync(existing!, "cancelled by buyer", CancellationToken.None);

        Assert.Equal(ErpWriteOutcome.Reversed(created.ErpOrderNumber!), outcome);
        Assert.Empty(h.Sim.Bills);
        Assert.Equal("DY-RV-1", Assert.Single(h.Sim.DeletedBills).NetOrderBillNo);
        Assert.Equal(1, h.Calls("UnAudit"));
        Assert.Equal(1, h.Calls("Delete"));
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
        Assert.Equal(existing.Number, second.ErpOrderNumber);
        Assert.Single(h.Sim.DeletedBills);
        Assert.Equal(1, h.Calls("Delete"));
    }

    [Fact]
    public async Task Submitted_bill_is_audited_unaudited_and_deleted()
    {
        await using var h = await StartAsync();
        await h.Connector.CreateSalesOrderAsync(Order("DY-RV-3"), CancellationToken.None);
        var bill = Assert.Single(h.Sim.Bills);
        Assert.True(h.Sim.Store.TryMove(bill.Id, ["C"], "B"));
        var existing = (await h.Connector.FindByExternalOrderNoAsync("DY-RV-3", CancellationToken.None))!;
        Assert.Equal("B", existing.DocumentStatus);

        var outcome = await h.Connector.ReverseAsync(existing, "cancelled", CancellationToken.None);

        Assert.Equal(ErpWriteResult.Reversed, outcome.Result);
        Assert.Empty(h.Sim.Bills);
        Assert.Single(h.Sim.DeletedBills);
    }

    [Fact]
    public async Task Http_500_throws_transient_and_leaves_the_bill()
    {
        await using var h = await StartAsync();
        await h.Connector.CreateSalesOrderAsync(Order("DY-RV-4"), CancellationToken.None);
        var existing = (await h.Connector.FindByExternalOrderNoAsync("DY-RV-4", CancellationToken.None))!;
        h.Sim.Options.TransientFailureRate = 1;

        await Assert.ThrowsAsync<ErpTransientException>(() => h.Connector.ReverseAsync(existing, "cancelled", CancellationToken.None));

        Assert.Equal("C", Assert.Single(h.Sim.Bills).Status);
        Assert.Empty(h.Sim.DeletedBills);
    }
}
