using ServerlessSync.Domain.Erp;
using static ServerlessSync.Pipeline.Tests.Erp.Jushuitan.JushuitanConnectorHarness;

namespace ServerlessSync.Pipeline.Tests.Erp.Jushuitan;

/// <summary>A gateway that ignores the look-up filter must not make another order look like ours (issue 14, item 3).</summary>
public sealed class JushuitanLookupCheckTests
{
    [Fact]
    public async Task Orders_carrying_another_so_id_are_ignored_by_look_ups_and_never_closed()
    {
        await using var h = await StartAsync();
        var created = await h.Connector.CreateSalesOrderAsync(Order("DY-M-1"), CancellationToken.None);
        h.Sim.Options.OrderLookupIgnoresFilter = true;

        var single = await h.Connector.FindByExternalOrderNoAsync("DY-M-2", CancellationToken.None);
        var many = await h.Connector.FindManyByExternalOrderNoAsync(["DY-M-2", "DY-M-3"], CancellationToken.None);
        var own = await h.Connector.FindByExternalOrderNoAsync("DY-M-1", CancellationToken.None);
        var reversal = await h.Connector.ReverseAsync(new ErpOrderRef(created.ErpOrderNumber!, created.ErpOrderNumber!, "", "DY-M-2"), "cancelled", CancellationToken.None);

        Assert.Null(single);
        Assert.Empty(many);
        Assert.Equal(created.ErpOrderNumber, own?.Number);
        Assert.Equal(ErpWriteResult.Rejected, reversal.Result);
        Assert.NotEqual("TRADE_CLOSED", Assert.Single(h.Sim.Store.Orders()).ShopStatus);
    }
}
