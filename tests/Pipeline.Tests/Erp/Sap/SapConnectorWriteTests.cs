using static ServerlessSync.Pipeline.Tests.Erp.Sap.SapConnectorHarness;

namespace ServerlessSync.Pipeline.Tests.Erp.Sap;

public sealed class SapConnectorWriteTests
{
    private const string Create = "POST A_SalesOrder";

    [Fact]
    public async Task Create_deep_inserts_the_order_with_exact_amounts_and_a_free_goods_gift()
    {
        await using var h = await StartAsync();

        var outcome = await h.Connector.CreateSalesOrderAsync(
            Order("DY-C-1", Line("MAT-LIP-01", 3, 10000), Line("MAT-CREAM-50", 2, 51800), Line("MAT-MASK-10", 1, 0, gift: true)), CancellationToken.None);

        Assert.Equal(ErpWriteResult.Created, outcome.Result);
        var order = h.Sim.Orders.Single();
        Assert.Equal(outcome.ErpOrderNumber, order.SalesOrder);
        Assert.Equal("DY-C-1", order.PurchaseOrderByCustomer);
        Assert.Equal("10100001", order.SoldToParty);
        Assert.Equal(("OR", "1010", "10", "00"), (order.SalesOrderType, order.SalesOrganization, order.DistributionChannel, order.OrganizationDivision));
        Assert.Equal(618.00m, order.TotalNetAmount);
        Assert.Equal([100.00m, 518.00m, 0m], order.Items.Select(i => i.NetAmount));
        Assert.Equal(["TAN", "TAN", "TANN"], order.Items.Select(i => i.SalesOrderItemCategory));
        Assert.All(order.Items, i => Assert.Equal(("PC", "1010", "101A"), (i.RequestedQuantityUnit, i.Plant, i.StorageLocation)));
        Assert.Empty(order.Items[2].PricingElements);
    }

    [Fact]
    public async Task An_order_sap_cannot_hold_is_rejected_without_calling_sap()
    {
        await using var h = await StartAsync();

        var tooLong = await h.Connector.CreateSalesOrderAsync(Order(new string('7', 36)), CancellationToken.None);
        var badTotal = await h.Connector.CreateSalesOrderAsync(Order("DY-R-2") with { TotalAmountFen = 1 }, CancellationToken.None);

        Assert.Equal(ErpWriteResult.Rejected, tooLong.Result);
        Assert.Contains("35", tooLong.Reason, StringComparison.Ordinal);
        Assert.Equal(ErpWriteResult.Rejected, badTotal.Result);
        Assert.Equal(0, h.Sim.Metrics.Snapshot().TotalCalls);
    }

}
