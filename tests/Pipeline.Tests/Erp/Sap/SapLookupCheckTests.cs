using ServerlessSync.Domain.Erp;
using static ServerlessSync.Pipeline.Tests.Erp.Sap.SapConnectorHarness;

namespace ServerlessSync.Pipeline.Tests.Erp.Sap;

/// <summary>A gateway that ignores the look-up filter must not make another order look like ours (issue 14, item 3).</summary>
public sealed class SapLookupCheckTests
{
    [Fact]
    public async Task Orders_carrying_another_purchase_order_number_are_ignored_by_single_and_batch_look_ups()
    {
        await using var h = await StartAsync();
        await h.Connector.CreateSalesOrderAsync(Order("DY-M-1"), CancellationToken.None);
        h.Sim.Options.OrderLookupIgnoresFilter = true;

        var single = await h.Connector.FindByExternalOrderNoAsync("DY-M-2", CancellationToken.None);
        var many = await h.Connector.FindManyByExternalOrderNoAsync(["DY-M-2", "DY-M-3"], CancellationToken.None);
        var own = await h.Connector.FindByExternalOrderNoAsync("DY-M-1", CancellationToken.None);

        Assert.Null(single);
        Assert.Empty(many);
        Assert.Equal(h.Sim.Orders.Single().SalesOrder, own?.Number);
        Assert.Equal("DY-M-1", own?.ExternalOrderNo);
    }
}
