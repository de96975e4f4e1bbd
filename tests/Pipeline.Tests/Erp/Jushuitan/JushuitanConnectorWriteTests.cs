using static ServerlessSync.Pipeline.Tests.Erp.Jushuitan.JushuitanConnectorHarness;

namespace ServerlessSync.Pipeline.Tests.Erp.Jushuitan;

public sealed class JushuitanConnectorWriteTests
{
    [Fact]
    public async Task Create_uploads_the_order_with_exact_money_and_the_gift_flag()
    {
        await using var h = await StartAsync();

        var outcome = await h.Connector.CreateSalesOrderAsync(
            Order("6921234567890123", Line("MAT-LIP-01", 3, 10000, lineId: "L1"), Line("MAT-MASK-10", 1, 0, gift: true, lineId: "L2")), CancellationToken.None);

        Assert.Equal(ErpWriteResult.Created, outcome.Result);
        var order = h.Sim.Orders.Single();
        Assert.Equal(order.OId.ToString(System.Globalization.CultureInfo.InvariantCulture), outcome.ErpOrderNumber);
        Assert.Equal("6921234567890123", order.SoId);
        Assert.Equal("10001", order.ShopId);
        Assert.Equal("WaitConfirm", order.Status);
        Assert.Equal(100m, order.PayAmount);
        Assert.Equal(100m, order.Items[0].Amount);
        Assert.Equal(33.3333m, order.Items[0].Price);
        Assert.Equal("L1", order.Items[0].OuterOiId);
        Assert.False(order.Items[0].IsGift);
        Assert.True(order.Items[1].IsGift);
        Assert.Equal(0m, order.Items[1].Amount);
    }

    [Fact]
    public async Task Create_then_lookup_finds_it_and_both_complete_existing_and_a_second_upload_say_already_exists()
    {
        await using var h = await StartAsync();
        var created = await h.Connector.CreateSalesOrderAsync(Order("DY-F-1"), CancellationToken.None);

        var found = await h.Connector.FindByExternalOrderNoAsync("DY-F-1", CancellationToken.None);
        var missing = await h.Connector.FindByExternalOrderNoAsync("DY-F-404", CancellationToken.None);
        var callsBefore = h.Sim.Metrics.Snapshot().TotalCalls;
        var completed = await h.Connector.CompleteExistingAsync(found!, CancellationToken.None);
        var callsAfterComplete = h.Sim.Metrics.Snapshot().TotalCalls;
        var uploadedAgain = await h.Connector.CreateSalesOrderAsync(Order("DY-F-1"), CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal(created.ErpOrderNumber, found.Number);
        Assert.Equal("WaitConfirm", found.DocumentStatus);
        Assert.Null(missing);
        Assert.Equal(ErpWriteResult.AlreadyExists, completed.Result);
        Assert.Equal(created.ErpOrderNumber, completed.ErpOrderNumber);
        Assert.Equal(callsBefore, callsAfterComplete);
        Assert.Equal(ErpWriteResult.AlreadyExists, uploadedAgain.Result);
        Assert.Equal(created.ErpOrderNumber, uploadedAgain.ErpOrderNumber);
        Assert.Single(h.Sim.Orders);
    }

    [Fact]
    public async Task Commit_then_timeout_throws_transient_and_the_lookup_then_finds_exactly_one_order()
    {
        await using var h = await StartAsync(o => o.CommitThenTimeoutRate = 1);

        await Assert.ThrowsAsync<ErpTransientException>(() => h.Connector.CreateSalesOrderAsync(Order("DY-X-1"), CancellationToken.None));
        h.Sim.Options.CommitThenTimeoutRate = 0;
        var found = await h.Connector.FindByExternalOrderNoAsync("DY-X-1", CancellationToken.None);
        var retried = await h.Connector.CreateSalesOrderAsync(Order("DY-X-1"), CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal(h.Sim.Orders.Single().OId.ToString(System.Globalization.CultureInfo.InvariantCulture), found.Number);
        Assert.Equal(ErpWriteResult.AlreadyExists, retried.Result);
        Assert.Equal(found.Number, retried.ErpOrderNumber);
        Assert.Single(h.Sim.Orders);
        Assert.Empty(h.Sim.Duplicates);
    }

    [Fact]
    public async Task Batch_upload_sends_one_call_and_reports_each_order_in_input_order()
    {
        await using var h = await StartAsync();
        await h.Connector.CreateSalesOrderAsync(Order("DY-B-2"), CancellationToken.None);
        var callsBefore = h.Calls("orders/upload");

        var outcomes = await h.Jushuitan.UploadOrdersAsync(
        [
            Order("DY-B-1"),
            Order("DY-B-2"),
            Order("DY-B-3", Line("MAT-NOPE", 1, 100)),
            Order("DY-B-4") with { TotalAmountFen = 1 },
            Order("DY-B-5", Line("MAT-SERUM-30", 2, 79800)),
        ], CancellationToken.None);

        Assert.Equal(
            [ErpWriteResult.Created, ErpWriteResult.AlreadyExists, ErpWriteResult.Rejected, ErpWriteResult.Rejected, ErpWriteResult.Created],
            outcomes.Select(o => o.Result));
        Assert.Equal(1, h.Calls("orders/upload") - callsBefore);
        Assert.Equal(["DY-B-2", "DY-B-1", "DY-B-5"], h.Sim.Orders.Select(o => o.SoId));
        Assert.Equal(h.Sim.Orders[2].OId.ToString(System.Globalization.CultureInfo.InvariantCulture), outcomes[4].ErpOrderNumber);
        Assert.Contains("MAT-NOPE", outcomes[2].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_upload_splits_into_calls_of_the_configured_size()
    {
        await using var h = await StartAsync(settings: s => s["Erp:Jushuitan:UploadBatchSize"] = "2");

        var outcomes = await h.Jushuitan.UploadOrdersAsync(Enumerable.Range(1, 5).Select(i => Order($"DY-C-{i}")).ToList(), CancellationToken.None);

        Assert.All(outcomes, o => Assert.Equal(ErpWriteResult.Created, o.Result));
        Assert.Equal(3, h.Calls("orders/upload"));
        Assert.Equal(5, h.Sim.Orders.Count);
    }
}
