namespace ServerlessSync.Orchestration.Tests;

/// <summary>SyncBatch's branches on the in-process engine with stub activities.</summary>
[Collection(StubbedDurableCollection.Name)]
public sealed class SyncBatchRunTests(StubbedDurableHost host)
{
    private static (string InstanceId, SyncBatchInput Input, IReadOnlyList<BatchOrder> Orders) Batch(int orders)
    {
        var batch = Enumerable.Range(0, orders).Select(_ => InBatch(NewKey())).ToList();
        var id = Guid.NewGuid().ToString("N");
        return ("batch:" + id, new SyncBatchInput(id, batch.Select(o => o.Event).ToList(), FastRetries), batch);
    }

    private static PreparedBatch AllToWrite(IReadOnlyList<BatchOrder> orders) => new(orders, 0, 0, 0, 0);

    [Fact]
    public async Task Orders_written_together_are_recorded_in_one_write_back_that_gives_their_leases_up()
    {
        var (id, input, orders) = Batch(3);
        var stubs = new RunStubs { PrepareBatch = _ => AllToWrite(orders), WriteErpBatch = r => r.Documents.Select(d => InErp("XSDD-" + d.ExternalOrderNo)).ToList() };

        var (result, _) = await host.RunAsync(SyncTasks.SyncBatch, id, input, stubs);

        Assert.Equal(new SyncBatchResult(3, 3, 0, 0, 0, 0, 0), result);
        Assert.Equal(id, Assert.Single(stubs.Inputs(SyncTasks.PrepareBatch)).Owner);
        var request = Assert.Single(stubs.Inputs(SyncTasks.WriteErpBatch));
        Assert.False(request.Alone);
        var writeBack = Assert.Single(stubs.Inputs(SyncTasks.WriteBackBatch));
        Assert.Equal(id, writeBack.Owner);
        Assert.Equal(orders.Select(o => ("XSDD-" + o.Event.OrderId, SyncStatus.Synced)), writeBack.Writes.Select(w => (w.ErpOrderNumber!, w.Status)));
        Assert.Empty(writeBack.HandOffs);
    }

    [Fact]
    public async Task Unattributable_answers_are_split_in_halves_written_alone_until_the_odd_order_is_alone_and_handed_to_its_own_run()
    {
        var (id, input, orders) = Batch(4);
        var odd = orders[3].Event.OrderId;
        var stubs = new RunStubs
        {
            PrepareBatch = _ => AllToWrite(orders),
            WriteErpBatch = r => r.Documents
                .Select(d => !r.Alone || d.ExternalOrderNo == odd ? new BatchWriteOutcome(BatchWriteKind.Unattributed, null, "answer rows do not match") : InErp("XSDD-" + d.ExternalOrderNo))
                .ToList(),
        };

        var (result, _) = await host.RunAsync(SyncTasks.SyncBatch, id, input, stubs);

        // 4 together → halves of 2 alone → the odd order's half splits to it alone → alone again until its tries are spent.
        var requests = stubs.Inputs(SyncTasks.WriteErpBatch);
        Assert.Equal([(4, false), (2, true), (2, true), (1, true), (1, true)], requests.Select(r => (r.Documents.Count, r.Alone)).OrderByDescending(r => r.Item1));
        Assert.All(requests.Where(r => r.Documents.Count == 1), r => Assert.Equal(odd, r.Documents[0].ExternalOrderNo));
        Assert.Equal(new SyncBatchResult(4, 3, 0, 1, 0, 0, 0), result);
        var writeBack = Assert.Single(stubs.Inputs(SyncTasks.WriteBackBatch));
        Assert.Equal(orders.Take(3).Select(o => o.Event.OrderId).Order(), writeBack.Writes.Select(w => w.Key.OrderId).Order());
        Assert.Equal(odd, Assert.Single(writeBack.HandOffs).OrderId);
    }

    [Fact]
    public async Task A_refused_order_fails_alone_with_an_alert_and_a_short_one_goes_to_its_own_run()
    {
        var (id, input, orders) = Batch(3);
        var (refused, shortOne) = (orders[1].Event.OrderId, orders[2].Event.OrderId);
        var stubs = new RunStubs
        {
            PrepareBatch = _ => AllToWrite(orders),
            WriteErpBatch = r => r.Documents.Select(d =>
                d.ExternalOrderNo == refused ? new BatchWriteOutcome(BatchWriteKind.Rejected, ErpWriteOutcome.Rejected("material frozen"), "material frozen")
                : d.ExternalOrderNo == shortOne ? new BatchWriteOutcome(BatchWriteKind.StockShort, null, "M-1: need 1, have 0")
                : InErp("XSDD-1")).ToList(),
        };

        var (result, _) = await host.RunAsync(SyncTasks.SyncBatch, id, input, stubs);

        Assert.Equal(new SyncBatchResult(3, 1, 1, 1, 0, 0, 0), result);
        var writeBack = Assert.Single(stubs.Inputs(SyncTasks.WriteBackBatch));
        Assert.Equal([SyncStatus.Synced, SyncStatus.Failed], writeBack.Writes.Select(w => w.Status));
        Assert.Equal("ERP rejected the order: material frozen", writeBack.Writes[1].Reason);
        Assert.Equal(shortOne, Assert.Single(writeBack.HandOffs).OrderId);
        var alert = Assert.Single(stubs.Inputs(SyncTasks.SendAlert));
        Assert.Equal((AlertKind.ErpRejected, ErpTarget, orders[1].Event.Key.InstanceId), (alert.Kind, alert.Target, alert.InstanceId));
    }

    [Fact]
    public async Task Orders_still_transient_after_the_batch_tries_continue_in_their_own_runs()
    {
        var (id, input, orders) = Batch(2);
        var stubs = new RunStubs { PrepareBatch = _ => AllToWrite(orders), WriteErpBatch = r => r.Documents.Select(_ => new BatchWriteOutcome(BatchWriteKind.Transient, null, "HTTP 503")).ToList() };

        var (result, _) = await host.RunAsync(SyncTasks.SyncBatch, id, input, stubs);

        Assert.Equal(FastRetries.BatchWriteAttempts, stubs.Inputs(SyncTasks.WriteErpBatch).Count);
        Assert.Equal(new SyncBatchResult(2, 0, 0, 2, 0, 0, 0), result);
        var writeBack = Assert.Single(stubs.Inputs(SyncTasks.WriteBackBatch));
        Assert.Empty(writeBack.Writes);
        Assert.Equal(orders.Select(o => o.Event), writeBack.HandOffs);
    }

    [Fact]
    public async Task A_batch_that_cannot_be_prepared_hands_every_order_to_its_own_run()
    {
        var (id, input, _) = Batch(2);
        var stubs = new RunStubs { PrepareBatch = _ => throw new TimeoutException("table storage") };

        var (result, _) = await host.RunAsync(SyncTasks.SyncBatch, id, input, stubs);

        Assert.Equal(FastRetries.Fetch.Attempts, stubs.Inputs(SyncTasks.PrepareBatch).Count);
        Assert.Equal(new SyncBatchResult(2, 0, 0, 2, 0, 0, 0), result);
        Assert.Equal(input.Events, Assert.Single(stubs.Inputs(SyncTasks.WriteBackBatch)).HandOffs);
        Assert.DoesNotContain(SyncTasks.WriteErpBatch.Name, stubs.Activities);
    }

    [Fact]
    public async Task The_write_back_of_orders_in_the_erp_is_retried_in_rounds_with_one_alert()
    {
        var (id, input, orders) = Batch(2);
        var tries = 0;
        var stubs = new RunStubs
        {
            PrepareBatch = _ => AllToWrite(orders),
            WriteErpBatch = r => r.Documents.Select(d => InErp("XSDD-" + d.ExternalOrderNo)).ToList(),
            WriteBackBatch = _ => Interlocked.Increment(ref tries) <= FastRetries.WriteBack.Attempts ? throw new TimeoutException("table storage") : true,
        };

        var (result, _) = await host.RunAsync(SyncTasks.SyncBatch, id, input, stubs);

        Assert.Equal(2, result.Synced);
        Assert.Equal(FastRetries.WriteBack.Attempts + 1, stubs.Inputs(SyncTasks.WriteBackBatch).Count);
        Assert.Equal(AlertKind.WriteBackFailed, Assert.Single(stubs.Inputs(SyncTasks.SendAlert)).Kind);
    }
}
