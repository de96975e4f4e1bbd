using static ServerlessSync.Pipeline.Tests.Erp.Jushuitan.JushuitanConnectorHarness;

namespace ServerlessSync.Pipeline.Tests.Erp.Jushuitan;

public sealed class JushuitanConnectorReverseTests
{
    [Fact]
    public async Task Order_is_reuploaded_as_trade_closed()
    {
        await using var h = await StartAsync();
        var created = await h.Connector.CreateSalesOrderAsync(Order("DY-RV-1"), CancellationToken.None);
        var existing = (await h.Connector.FindByExternalOrderNoAsync("DY-RV-1", CancellationToken.None))!;

        var outcome = await h.Connector.ReverseAsync(existing, "cancelled by buyer", CancellationToken.None);

        Assert.Equal(ErpWriteOutcome.Reversed(created.ErpOrderNumber!), outcome);
        var order = Assert.Single(h.Sim.Store.Orders());
        Assert.Equal("DY-RV-1", order.SoId);
        Assert.Equal("TRADE_CLOSED", order.ShopStatus);
        Assert.Single(order.Items);
    }

    [Fact]
    public async Task Reversing_twice_succeeds_and_uploads_once()
    {
        await using var h = await StartAsync();
        await h.Connector.CreateSalesOrderAsync(Order("DY-RV-2"), CancellationToken.None);
        var existing = (await h.Connector.FindByExternalOrderNoAsync("DY-RV-2", CancellationToken.None))!;
        var uploadsBefore = h.Calls("orders/upload");

        var first = await h.Connector.ReverseAsync(existing, "refund", CancellationToken.None);
        var second = await h.Connector.ReverseAsync(existing, "refund", CancellationToken.None);

        Assert.Equal(ErpWriteResult.Reversed, first.Result);
        Assert.Equal(ErpWriteResult.Reversed, second.Result);
        Assert.Equal(uploadsBefore + 1, h.Calls("orders/upload"));
        Assert.Equal("TRADE_CLOSED", Assert.Single(h.Sim.Store.Orders()).ShopStatus);
    }
}
