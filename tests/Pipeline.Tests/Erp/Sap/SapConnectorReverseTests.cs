using static ServerlessSync.Pipeline.Tests.Erp.Sap.SapConnectorHarness;

namespace ServerlessSync.Pipeline.Tests.Erp.Sap;

public sealed class SapConnectorReverseTests
{
    [Fact]
    public async Task Every_item_gets_the_configured_rejection_reason()
    {
        await using var h = await StartAsync(settings: s => s["Erp:Sap:RejectionReason"] = "50");
        var created = await h.Connector.CreateSalesOrderAsync(
            Order("DY-RV-1", Line("MAT-LIP-01", 3, 10000), Line("MAT-MASK-10", 1, 0, gift: true)), CancellationToken.None);
        var existing = (await h.Connector.FindByExternalOrderNoAsync("DY-RV-1", CancellationToken.None))!;

        var outcome = await h.Connector.ReverseAsync(existing, "cancelled by buyer", CancellationToken.None);

        Assert.Equal(ErpWriteOutcome.Reversed(created.ErpOrderNumber!), outcome);
        var order = Assert.Single(h.Sim.Orders);
        Assert.Equal("C", order.OverallSDDocumentRejectionSts);
        Assert.Equal(2, order.Items.Count);
        Assert.All(order.Items, i => Assert.Equal("50", i.SalesDocumentRjcnReason));
    }

    [Fact]
    public async Task Reversing_twice_succeeds_and_skips_rejected_items()
    {
        await using var h = await StartAsync();
        await h.Connector.CreateSalesOrderAsync(Order("DY-RV-2"), CancellationToken.None);
        var existing = (await h.Connector.FindByExternalOrderNoAsync("DY-RV-2", CancellationToken.None))!;

        var first = await h.Connector.ReverseAsync(existing, "refund", CancellationToken.None);
        var patchesAfterFirst = PatchCalls(h);
        var second = await h.Connector.ReverseAsync(existing, "refund", CancellationToken.None);

        Assert.Equal(ErpWriteResult.Reversed, first.Result);
        Assert.Equal(ErpWriteResult.Reversed, second.Result);
        Assert.Equal(1, patchesAfterFirst);
        Assert.Equal(1, PatchCalls(h));
        Assert.Equal("61", Assert.Single(Assert.Single(h.Sim.Orders).Items).SalesDocumentRjcnReason);
    }

    private static long PatchCalls(SapConnectorHarness h) =>
        h.Sim.Metrics.Snapshot().CallsByOperation.Where(p => p.Key.StartsWith("PATCH ", StringComparison.Ordinal)).Sum(p => p.Value);
}
