using static ServerlessSync.Pipeline.Tests.Erp.Kingdee.KingdeeConnectorHarness;

namespace ServerlessSync.Pipeline.Tests.Erp.Kingdee;

public sealed class KingdeeConnectorWriteTests
{
    [Fact]
    public async Task Create_saves_submits_and_audits_the_order()
    {
        await using var h = await StartAsync();

        var outcome = await h.Connector.CreateSalesOrderAsync(
            Order("DY-C-1", Line("MAT-LIP-01", 3, 10000), Line("MAT-MASK-10", 1, 0, gift: true)), CancellationToken.None);

        Assert.Equal(ErpWriteResult.Created, outcome.Result);
        var bill = h.Sim.Bills.Single();
        Assert.Equal(outcome.ErpOrderNumber, bill.BillNo);
        Assert.Equal("C", bill.Status);
        Assert.Equal("DY-C-1", bill.NetOrderBillNo);
        Assert.Equal(100m, bill.TotalAmount);
        Assert.Equal(33.333333m, bill.Lines[0].TaxPrice);
        Assert.True(bill.Lines[1].IsFree);
        Assert.Equal("71000001", bill.CustomFields[KingdeeMarketingFields.AnchorId]);
    }

    [Fact]
    public async Task Commit_then_timeout_throws_transient_and_the_lookup_then_finds_and_completes_the_bill()
    {
        await using var h = await StartAsync(o => o.CommitThenTimeoutRate = 1);

        await Assert.ThrowsAsync<ErpTransientException>(() => h.Connector.CreateSalesOrderAsync(Order("DY-X-1"), CancellationToken.None));
        var found = await h.Connector.FindByExternalOrderNoAsync("DY-X-1", CancellationToken.None);
        var completed = await h.Connector.CompleteExistingAsync(found!, CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal("A", found.DocumentStatus);
        Assert.Equal(ErpWriteResult.AlreadyExists, completed.Result);
        Assert.Equal(found.Number, completed.ErpOrderNumber);
        Assert.Equal("C", h.Sim.Bills.Single().Status);
        Assert.Equal(1, h.Calls("Save"));
    }
}
