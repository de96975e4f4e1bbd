namespace ServerlessSync.Orchestration.Tests;

/// <summary>SyncOrder's ERP outcomes (write, refusal, retries, reversal, write-back rounds) on the in-process engine with stub activities.</summary>
[Collection(StubbedDurableCollection.Name)]
public sealed class SyncOrderErpTests(StubbedDurableHost host)
{
    [Theory]
    [InlineData(ErpWriteResult.Created, "created")]
    [InlineData(ErpWriteResult.AlreadyExists, "already existed")]
    public async Task An_order_in_the_erp_is_recorded_synced_with_its_number_and_resets_the_erp_failure_count(ErpWriteResult written, string note)
    {
        var key = NewKey();
        var stubs = new RunStubs { PrepareOrder = ToWrite, WriteErp = _ => new ErpWriteOutcome(written, "XSDD-1", null) };

        var (result, _) = await host.RunAsync(SyncTasks.SyncOrder, key.InstanceId, Input(key), stubs);

        Assert.Equal(new SyncOrderResult(SyncStatus.Synced, "XSDD-1", null), result);
        var write = Assert.Single(stubs.Inputs(SyncTasks.WriteBack));
        Assert.Equal((SyncStatus.Synced, "XSDD-1", ErpTarget, key.InstanceId), (write.Status, write.ErpOrderNumber, write.ErpTarget, write.ReleaseLeaseOf));
        Assert.Equal($"ERP order XSDD-1 {note}", write.Note);
        Assert.NotNull(write.Sales!.ErpWriteMs);
        Assert.Equal(key.OrderId, Assert.Single(stubs.Inputs(SyncTasks.WriteErp)).ExternalOrderNo);
    }

    [Fact]
    public async Task An_erp_refusal_fails_the_order_at_once_and_alerts_the_erp_target()
    {
        var key = NewKey();
        var stubs = new RunStubs { PrepareOrder = ToWrite, WriteErp = _ => ErpWriteOutcome.Rejected("customer CUST-1 is frozen") };

        var (result, _) = await host.RunAsync(SyncTasks.SyncOrder, key.InstanceId, Input(key), stubs);

        Assert.Equal(new SyncOrderResult(SyncStatus.Failed, null, "ERP rejected the order: customer CUST-1 is frozen"), result);
        Assert.Single(stubs.Inputs(SyncTasks.WriteErp));
        Assert.Equal(SyncStatus.Failed, Assert.Single(stubs.Inputs(SyncTasks.WriteBack)).Status);
        var alert = Assert.Single(stubs.Inputs(SyncTasks.SendAlert));
        Assert.Equal((AlertKind.ErpRejected, ErpTarget), (alert.Kind, alert.Target));
    }

    [Fact]
    public async Task Transient_erp_failures_are_retried_as_the_input_says_then_the_order_fails_with_an_alert()
    {
        var key = NewKey();
        var stubs = new RunStubs { PrepareOrder = ToWrite, WriteErp = _ => throw new ErpTransientException("HTTP 503") };

        var (result, _) = await host.RunAsync(SyncTasks.SyncOrder, key.InstanceId, Input(key), stubs);

        Assert.Equal(SyncStatus.Failed, result.Status);
        Assert.StartsWith($"ERP write failed after {FastRetries.Erp.Attempts} attempts", result.Reason, StringComparison.Ordinal);
        Assert.Equal(FastRetries.Erp.Attempts, stubs.Inputs(SyncTasks.WriteErp).Count);
        Assert.Equal(AlertKind.ErpRetriesExhausted, Assert.Single(stubs.Inputs(SyncTasks.SendAlert)).Kind);
    }

    [Fact]
    public async Task A_failure_that_is_not_transient_is_not_retried()
    {
        var key = NewKey();
        var stubs = new RunStubs { PrepareOrder = ToWrite, WriteErp = _ => throw new InvalidOperationException("a bug") };

        var (result, _) = await host.RunAsync(SyncTasks.SyncOrder, key.InstanceId, Input(key), stubs);

        Assert.Equal(SyncStatus.Failed, result.Status);
        Assert.Single(stubs.Inputs(SyncTasks.WriteErp));
    }

    [Fact]
    public async Task A_stock_query_that_keeps_failing_uses_the_erp_retries_then_fails_the_order()
    {
        var key = NewKey();
        var stubs = new RunStubs { PrepareOrder = ToWrite, CheckStock = _ => throw new ErpThrottledException("too many requests") };

        var (result, _) = await host.RunAsync(SyncTasks.SyncOrder, key.InstanceId, Input(key), stubs);

        Assert.Equal(SyncStatus.Failed, result.Status);
        Assert.StartsWith("ERP stock query failed", result.Reason, StringComparison.Ordinal);
        Assert.Equal(FastRetries.Erp.Attempts, stubs.Inputs(SyncTasks.CheckStock).Count);
        Assert.DoesNotContain(SyncTasks.WriteErp.Name, stubs.Activities);
    }

    [Fact]
    public async Task A_write_back_that_fails_after_the_erp_write_alerts_once_and_is_retried_in_rounds_until_it_lands()
    {
        var key = NewKey();
        var tries = 0;
        var stubs = new RunStubs
        {
            PrepareOrder = ToWrite,
            WriteErp = _ => ErpWriteOutcome.Created("XSDD-2"),
            WriteBack = _ => Interlocked.Increment(ref tries) <= 2 * FastRetries.WriteBack.Attempts ? throw new TimeoutException("table storage") : true,
        };

        var (result, _) = await host.RunAsync(SyncTasks.SyncOrder, key.InstanceId, Input(key), stubs);

        Assert.Equal(SyncStatus.Synced, result.Status);
        Assert.Equal(2 * FastRetries.WriteBack.Attempts + 1, stubs.Inputs(SyncTasks.WriteBack).Count);
        Assert.Single(stubs.Inputs(SyncTasks.WriteErp));
        var alert = Assert.Single(stubs.Inputs(SyncTasks.SendAlert));
        Assert.Equal((AlertKind.WriteBackFailed, "ledger"), (alert.Kind, alert.Target));
    }

    [Fact]
    public async Task A_failing_alert_channel_does_not_fail_the_run()
    {
        var key = NewKey();
        var stubs = new RunStubs { PrepareOrder = ToWrite, WriteErp = _ => ErpWriteOutcome.Rejected("no"), SendAlert = _ => throw new InvalidOperationException("robot gone") };

        var (result, _) = await host.RunAsync(SyncTasks.SyncOrder, key.InstanceId, Input(key), stubs);

        Assert.Equal(SyncStatus.Failed, result.Status);
        Assert.Equal(FastRetries.Alert.Attempts, stubs.Inputs(SyncTasks.SendAlert).Count);
    }

    [Theory]
    [InlineData(ErpWriteResult.Reversed, SyncStatus.Reversed, false)]
    [InlineData(ErpWriteResult.NotFound, SyncStatus.CancelledBeforeErp, false)]
    [InlineData(ErpWriteResult.Rejected, SyncStatus.CancelledAfterErp, true)]
    public async Task A_cancel_after_the_erp_write_reverses_the_erp_order_or_hands_it_to_a_person(ErpWriteResult answer, SyncStatus recorded, bool alerted)
    {
        var key = NewKey();
        var stubs = new RunStubs
        {
            PrepareOrder = k => With(k, new SyncPlan { Action = SyncAction.ReverseErpOrder, ErpOrderNumber = "XSDD-3" }, OrderStatus.Refunded),
            ReverseErp = r => new ErpWriteOutcome(answer, answer == ErpWriteResult.Reversed ? r.ErpOrderNumber : null, answer == ErpWriteResult.Rejected ? "audited" : null),
        };

        var (result, _) = await host.RunAsync(SyncTasks.SyncOrder, key.InstanceId, Input(key), stubs);

        Assert.Equal(recorded, result.Status);
        var reverse = Assert.Single(stubs.Inputs(SyncTasks.ReverseErp));
        Assert.Equal((key, "XSDD-3"), (reverse.Key, reverse.ErpOrderNumber));
        var write = Assert.Single(stubs.Inputs(SyncTasks.WriteBack));
        Assert.Equal((recorded, key.InstanceId), (write.Status, write.ReleaseLeaseOf));
        Assert.Equal(alerted ? [AlertKind.CancelledAfterErp] : Array.Empty<AlertKind>(), stubs.Inputs(SyncTasks.SendAlert).Select(a => a.Kind));
    }
}
