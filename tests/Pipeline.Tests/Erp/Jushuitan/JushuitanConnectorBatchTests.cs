using static ServerlessSync.Pipeline.Tests.Erp.Jushuitan.JushuitanConnectorHarness;

namespace ServerlessSync.Pipeline.Tests.Erp.Jushuitan;

public sealed class JushuitanConnectorBatchTests
{
    [Fact]
    public async Task Batch_create_is_one_upload_and_batch_look_up_asks_thirty_so_ids_a_call()
    {
        await using var h = await StartAsync();
        var orders = Enumerable.Range(1, 35).Select(i => Order($"DY-JB-{i}")).ToList();

        var created = await h.Connector.CreateSalesOrdersAsync(orders, CancellationToken.None);
        var found = await h.Connector.FindManyByExternalOrderNoAsync([.. orders.Select(o => o.ExternalOrderNo), "DY-JB-404"], CancellationToken.None);

        Assert.Equal(50, h.Connector.MaxBatchSize);
        Assert.All(created, o => Assert.Equal(ErpWriteResult.Created, o.Result));
        Assert.Equal(1, h.Calls("orders/upload"));
        Assert.Equal(2, h.Calls("orders/single/query"));
        Assert.Equal(35, found.Count);
        Assert.All(orders.Zip(created), p => Assert.Equal(p.Second.ErpOrderNumber, found[p.First.ExternalOrderNo].Number));
        Assert.False(found.ContainsKey("DY-JB-404"));
    }
}
