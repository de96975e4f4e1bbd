using static ServerlessSync.Pipeline.Tests.Erp.Kingdee.KingdeeConnectorHarness;

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
}
