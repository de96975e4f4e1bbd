using System.Globalization;
using ServerlessSync.Domain.Erp;
using static ServerlessSync.Pipeline.Tests.Erp.YonBip.YonBipConnectorHarness;

namespace ServerlessSync.Pipeline.Tests.Erp.YonBip;

/// <summary>A gateway that ignores the look-up filter must not make another order look like ours (issue 14, item 3).</summary>
public sealed class YonBipLookupCheckTests
{
    [Fact]
    public async Task Orders_whose_define_carries_another_platform_order_are_ignored_and_never_reversed()
    {
        await using var h = await StartAsync();
        await h.Connector.CreateSalesOrderAsync(Order("DY-M-1"), CancellationToken.None);
        h.Sim.Options.OrderLookupIgnoresFilter = true;

        var single = await h.Connector.FindByExternalOrderNoAsync("DY-M-2", CancellationToken.None);
        var many = await h.Connector.FindManyByExternalOrderNoAsync(["DY-M-2", "DY-M-3"], CancellationToken.None);
        var own = await h.Connector.FindByExternalOrderNoAsync("DY-M-1", CancellationToken.None);
        var order = h.Sim.Orders.Single();
        var reversal = await h.Connector.ReverseAsync(
            new ErpOrderRef(order.Code, order.Id.ToString(CultureInfo.InvariantCulture), "", "DY-M-2"), "cancelled", CancellationToken.None);

        Assert.Null(single);
        Assert.Empty(many);
        Assert.Equal(order.Code, own?.Number);
        Assert.Equal("DY-M-1", own?.ExternalOrderNo);
        Assert.Equal(ErpWriteResult.Rejected, reversal.Result);
        Assert.Single(h.Sim.Orders);
        Assert.Empty(h.Sim.DeletedOrders);
    }
}
