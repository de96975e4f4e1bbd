using System.Globalization;
using ServerlessSync.Domain.Erp;
using static ServerlessSync.Pipeline.Tests.Erp.Kingdee.KingdeeConnectorHarness;

namespace ServerlessSync.Pipeline.Tests.Erp.Kingdee;

/// <summary>A gateway that ignores the look-up filter must not make another order's bill look like ours (issue 14, item 3).</summary>
public sealed class KingdeeLookupCheckTests
{
    [Fact]
    public async Task Bills_carrying_another_platform_order_are_ignored_by_single_and_batch_look_ups_and_never_reversed()
    {
        await using var h = await StartAsync();
        await h.Connector.CreateSalesOrderAsync(Order("DY-M-1"), CancellationToken.None);
        h.Sim.Options.OrderLookupIgnoresFilter = true;

        var single = await h.Connector.FindByExternalOrderNoAsync("DY-M-2", CancellationToken.None);
        var many = await h.Connector.FindManyByExternalOrderNoAsync(["DY-M-2", "DY-M-3"], CancellationToken.None);
        var own = await h.Connector.FindByExternalOrderNoAsync("DY-M-1", CancellationToken.None);
        var bill = h.Sim.Bills.Single();
        var reversal = await h.Connector.ReverseAsync(
            new ErpOrderRef(bill.BillNo, bill.Id.ToString(CultureInfo.InvariantCulture), bill.Status, "DY-M-2"), "cancelled", CancellationToken.None);

        Assert.Null(single);
        Assert.Empty(many);
        Assert.Equal(bill.BillNo, own?.Number);
        Assert.Equal("DY-M-1", own?.ExternalOrderNo);
        Assert.Equal(ErpWriteResult.Rejected, reversal.Result);
        Assert.Equal("C", h.Sim.Bills.Single().Status);
        Assert.Empty(h.Sim.DeletedBills);
    }
}
