using static ServerlessSync.Pipeline.Tests.Erp.Kingdee.KingdeeConnectorHarness;

namespace ServerlessSync.Pipeline.Tests.Erp.Kingdee;

public sealed class KingdeeConnectorBatchTests
{
    [Fact]
    public async Task Batch_create_is_one_batch_save_that_leaves_every_bill_audited_with_outcomes_in_input_order()
    {
        await using var h = await StartAsync();

        var outcomes = await h.Connector.CreateSalesOrdersAsync([Order("DY-BC-1"), Order("DY-BC-2"), Order("DY-BC-3")], CancellationToken.None);

        Assert.All(outcomes, o => Assert.Equal(ErpWriteResult.Created, o.Result));
        Assert.Equal(["DY-BC-1", "DY-BC-2", "DY-BC-3"], outcomes.Select(o => h.Sim.Store.Find(o.ErpOrderNumber, null)!.NetOrderBillNo));
        Assert.All(h.Sim.Bills, b => Assert.Equal("C", b.Status));
        Assert.Equal(1, h.Calls("BatchSave"));
        Assert.Equal(0, h.Calls("Save") + h.Calls("Submit") + h.Calls("Audit"));
    }

    [Fact]
    public async Task A_row_the_erp_refuses_is_rejected_with_its_own_message_and_the_others_are_created()
    {
        await using var h = await StartAsync();

        var outcomes = await h.Connector.CreateSalesOrdersAsync(
            [Order("DY-BP-1"), Order("DY-BP-2", Line("MAT-UNKNOWN", 1, 100)), Order("DY-BP-3")], CancellationToken.None);

        Assert.Equal([ErpWriteResult.Created, ErpWriteResult.Rejected, ErpWriteResult.Created], outcomes.Select(o => o.Result));
        Assert.Contains("MAT-UNKNOWN", outcomes[1].Reason, StringComparison.Ordinal);
        Assert.Equal(["DY-BP-1", "DY-BP-3"], h.Sim.Bills.Select(b => b.NetOrderBillNo));
        Assert.Equal(1, h.Calls("BatchSave"));
    }

    [Fact]
    public async Task An_invalid_document_is_rejected_without_being_sent_and_the_batch_is_cut_to_the_configured_size()
    {
        await using var h = await StartAsync(settings: s => s["Erp:Kingdee:MaxBatchSize"] = "2");

        var outcomes = await h.Connector.CreateSalesOrdersAsync(
            [Order("DY-BS-1"), Order("DY-BS-2") with { TotalAmountFen = 1 }, Order("DY-BS-3"), Order("DY-BS-4"), Order("DY-BS-5")], CancellationToken.None);

        Assert.Equal(2, h.Connector.MaxBatchSize);
        Assert.Equal(ErpWriteResult.Rejected, outcomes[1].Result);
        Assert.Equal(4, outcomes.Count(o => o.Result == ErpWriteResult.Created));
        Assert.Equal(2, h.Calls("BatchSave"));
        Assert.DoesNotContain(h.Sim.Bills, b => b.NetOrderBillNo == "DY-BS-2");
    }

    [Fact]
    public async Task One_in_filter_query_finds_the_bills_of_several_platform_orders()
    {
        await using var h = await StartAsync();
        await h.Connector.CreateSalesOrdersAsync([Order("DY-BF-1"), Order("DY'BF-2")], CancellationToken.None);
        var queriesBefore = h.Calls("ExecuteBillQuery");

        var found = await h.Connector.FindManyByExternalOrderNoAsync(["DY-BF-1", "DY'BF-2", "DY-BF-404"], CancellationToken.None);

        Assert.Equal(1, h.Calls("ExecuteBillQuery") - queriesBefore);
        Assert.Equal(["DY'BF-2", "DY-BF-1"], found.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(h.Sim.FindByNetOrderBillNo("DY'BF-2").Single().BillNo, found["DY'BF-2"].Number);
        Assert.All(found.Values, r => Assert.Equal("C", r.DocumentStatus));
    }

    [Fact]
    public async Task A_batch_save_whose_answer_is_lost_is_transient_and_the_batched_retry_finds_every_bill_without_a_duplicate()
    {
        await using var h = await StartAsync(o => o.CommitThenTimeoutRate = 1);
        using var batcher = new ErpWriteBatcher(
            h.Connector,
            new ErpGovernor(new ErpGovernorOptions { MaxCallsPerSecond = 1000, MaxConcurrency = 4 }),
            ErpTestStorage.Markers(),
            Options.Create(new ErpBatchingOptions { BatchWindowMs = 0 }),
            ErpTestStorage.Commit(),
            TimeProvider.System,
            NullLogger<ErpWriteBatcher>.Instance);
        ErpSalesOrder[] orders = [Order("DY-BX-1"), Order("DY-BX-2"), Order("DY-BX-3")];

        await Assert.ThrowsAsync<ErpTransientException>(() => h.Connector.CreateSalesOrdersAsync(orders, CancellationToken.None));
        h.Sim.Options.CommitThenTimeoutRate = 0;
        var retried = await Task.WhenAll(orders.Select(o => batcher.WriteAsync(o, CancellationToken.None)));

        Assert.All(retried, o => Assert.Equal(ErpWriteResult.AlreadyExists, o.Result));
        Assert.Equal(orders.Select(o => h.Sim.FindByNetOrderBillNo(o.ExternalOrderNo).Single().BillNo), retried.Select(o => o.ErpOrderNumber));
        Assert.Empty(h.Sim.Duplicates);
        Assert.Equal(1, h.Calls("BatchSave"));
    }

    [Fact]
    public async Task Concurrent_writes_through_the_batcher_cost_one_look_up_and_one_batch_save_in_all()
    {
        await using var h = await StartAsync(settings: s => s["Erp:Kingdee:MaxBatchSize"] = "10");
        await h.Connector.FindManyByExternalOrderNoAsync(["warm-up"], CancellationToken.None);
        var callsBefore = h.Sim.Metrics.Snapshot().TotalCalls;
        using var batcher = new ErpWriteBatcher(
            h.Connector,
            new ErpGovernor(new ErpGovernorOptions { MaxCallsPerSecond = 1000, MaxConcurrency = 4 }),
            ErpTestStorage.Markers(),
            Options.Create(new ErpBatchingOptions { BatchWindowMs = 1000 }),
            ErpTestStorage.Commit(),
            TimeProvider.System,
            NullLogger<ErpWriteBatcher>.Instance);

        // Ten writes fill a batch of ten at once, so the window never needs to pass.
        var outcomes = await Task.WhenAll(Enumerable.Range(1, 10).Select(i => batcher.WriteAsync(Order($"DY-BW-{i}"), CancellationToken.None)));

        Assert.All(outcomes, o => Assert.Equal(ErpWriteResult.Created, o.Result));
        Assert.Equal(2, h.Sim.Metrics.Snapshot().TotalCalls - callsBefore);
        Assert.Equal(10, h.Sim.Bills.Count(b => b.Status == "C"));
    }
}
