using ServerlessSync.Domain.Erp;
using static ServerlessSync.Pipeline.Tests.Erp.Sap.SapConnectorHarness;

namespace ServerlessSync.Pipeline.Tests.Erp.Sap;

public sealed class SapConnectorWriteTests
{
    private const string Create = "POST A_SalesOrder";
    private const string Fetch = "GET service root";

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
    public async Task One_token_fetch_serves_many_creates_and_concurrent_first_calls_share_it()
    {
        await using var h = await StartAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(i => h.Connector.CreateSalesOrderAsync(Order($"DY-P-{i}"), CancellationToken.None)));

        Assert.All(outcomes, o => Assert.Equal(ErpWriteResult.Created, o.Result));
        Assert.Equal(1, h.Calls(Fetch));
        Assert.Equal(8, h.Sim.Orders.Count);
        Assert.Equal(0, h.Sim.Metrics.Snapshot().CsrfRejections);
    }

    [Fact]
    public async Task An_expired_token_is_refetched_once_and_the_create_sent_again()
    {
        await using var h = await StartAsync();
        await h.Connector.CreateSalesOrderAsync(Order("DY-S-1"), CancellationToken.None);

        h.Sim.DropSessions();
        var outcome = await h.Connector.CreateSalesOrderAsync(Order("DY-S-2"), CancellationToken.None);

        Assert.Equal(ErpWriteResult.Created, outcome.Result);
        Assert.Equal(2, h.Calls(Fetch));
        Assert.Equal(3, h.Calls(Create));
        Assert.Equal(1, h.Sim.Metrics.Snapshot().CsrfRejections);
        Assert.Equal(["DY-S-1", "DY-S-2"], h.Sim.Orders.Select(o => o.PurchaseOrderByCustomer));
        Assert.Empty(h.Sim.Duplicates);
    }

    [Fact]
    public async Task Unknown_material_is_rejected_with_the_sap_message()
    {
        await using var h = await StartAsync();

        var outcome = await h.Connector.CreateSalesOrderAsync(Order("DY-R-1", Line("MAT-UNKNOWN", 1, 100)), CancellationToken.None);

        Assert.Equal(ErpWriteResult.Rejected, outcome.Result);
        Assert.Contains("V1/392", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains("MAT-UNKNOWN", outcome.Reason, StringComparison.Ordinal);
        Assert.Empty(h.Sim.Orders);
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

    [Fact]
    public async Task Http_500_on_a_create_is_transient_and_not_retried()
    {
        await using var h = await StartAsync();
        await h.Connector.FindByExternalOrderNoAsync("warm-up", CancellationToken.None);
        await h.Connector.CreateSalesOrderAsync(Order("DY-T-0"), CancellationToken.None);
        h.Sim.Options.TransientFailureRate = 1;

        await Assert.ThrowsAsync<ErpTransientException>(() => h.Connector.CreateSalesOrderAsync(Order("DY-T-1"), CancellationToken.None));

        Assert.Equal(2, h.Calls(Create));
        Assert.Equal(["DY-T-0"], h.Sim.Orders.Select(o => o.PurchaseOrderByCustomer));
    }

    [Fact]
    public async Task A_throttled_create_is_transient()
    {
        await using var h = await StartAsync();
        await h.Connector.CreateSalesOrderAsync(Order("DY-Q-0"), CancellationToken.None);
        // One call a hundred seconds: the lookup takes the only token, so the create that follows is over the rate.
        h.Sim.Options.MaxCallsPerSecond = 0.01;
        await h.Connector.FindByExternalOrderNoAsync("DY-Q-1", CancellationToken.None);

        var error = await Assert.ThrowsAsync<ErpThrottledException>(() => h.Connector.CreateSalesOrderAsync(Order("DY-Q-1"), CancellationToken.None));

        Assert.Contains("429", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, h.Calls(Create));
        Assert.Single(h.Sim.Orders);
    }

    [Fact]
    public async Task Commit_then_timeout_is_transient_and_the_lookup_then_finds_exactly_one_order()
    {
        await using var h = await StartAsync(o => o.CommitThenTimeoutRate = 1);

        await Assert.ThrowsAsync<ErpTransientException>(() => h.Connector.CreateSalesOrderAsync(Order("DY-X-1"), CancellationToken.None));
        h.Sim.Options.CommitThenTimeoutRate = 0;
        // What WriteErp does on its next attempt: look up first, and only create when nothing is found.
        var found = await h.Connector.FindByExternalOrderNoAsync("DY-X-1", CancellationToken.None);
        var outcome = found is null
            ? await h.Connector.CreateSalesOrderAsync(Order("DY-X-1"), CancellationToken.None)
            : await h.Connector.CompleteExistingAsync(found, CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal(ErpWriteResult.AlreadyExists, outcome.Result);
        Assert.Equal(h.Sim.Orders.Single().SalesOrder, outcome.ErpOrderNumber);
        Assert.Equal(1, h.Calls(Create));
        Assert.Empty(h.Sim.Duplicates);
    }

    [Fact]
    public async Task Wrong_password_makes_the_token_fetch_fail_transiently()
    {
        await using var h = await StartAsync(settings: s => s["Erp:Sap:Password"] = "not-the-password");

        var error = await Assert.ThrowsAsync<ErpTransientException>(() => h.Connector.CreateSalesOrderAsync(Order("DY-L-1"), CancellationToken.None));

        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, h.Calls(Create));
    }
}
