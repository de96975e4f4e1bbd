using ServerlessSync.Domain.Mapping;
using ServerlessSync.Pipeline.Ledger;

namespace ServerlessSync.Orchestration.Tests;

/// <summary>SyncOrder's branches before the ERP write, on the in-process engine with stub activities.</summary>
[Collection(StubbedDurableCollection.Name)]
public sealed class SyncOrderPlanTests(StubbedDurableHost host)
{
    [Fact]
    public async Task An_order_with_nothing_missing_ends_synced_without_writing_anything()
    {
        var key = NewKey();
        var stubs = new RunStubs { PrepareOrder = k => With(k, new SyncPlan { Action = SyncAction.Nothing, ErpOrderNumber = "XSDD-1" }) };

        var (result, _) = await host.RunAsync(SyncTasks.SyncOrder, key.InstanceId, Input(key), stubs);

        Assert.Equal(new SyncOrderResult(SyncStatus.Synced, "XSDD-1", "nothing missing"), result);
        Assert.Equal([SyncTasks.PrepareOrder.Name], stubs.Activities);
    }

    [Theory]
    [InlineData(SyncAction.WaitForPayment, OrderStatus.PendingPayment, SyncStatus.AwaitingPayment)]
    [InlineData(SyncAction.RecordCancelledBeforeErp, OrderStatus.Cancelled, SyncStatus.CancelledBeforeErp)]
    public async Task An_order_that_needs_no_erp_write_is_recorded_and_gives_up_its_lease(SyncAction action, OrderStatus platform, SyncStatus recorded)
    {
        var key = NewKey();
        var stubs = new RunStubs { PrepareOrder = k => With(k, new SyncPlan { Action = action }, platform) };

        var (result, _) = await host.RunAsync(SyncTasks.SyncOrder, key.InstanceId, Input(key), stubs);

        Assert.Equal(recorded, result.Status);
        var write = Assert.Single(stubs.Inputs(SyncTasks.WriteBack));
        Assert.Equal((recorded, platform, key.InstanceId), (write.Status, write.PlatformStatus, write.ReleaseLeaseOf));
        Assert.DoesNotContain(SyncTasks.WriteErp.Name, stubs.Activities);
    }

    [Fact]
    public async Task An_unmapped_order_is_quarantined_with_its_skus_and_the_shop_is_alerted()
    {
        var key = NewKey();
        var plan = new SyncPlan { Action = SyncAction.CreateErpOrder, QuarantineReasons = ["SKU-9 has no mapping"], UnmappedSkus = ["SKU-9"] };
        var stubs = new RunStubs { PrepareOrder = k => With(k, plan) };

        var (result, _) = await host.RunAsync(SyncTasks.SyncOrder, key.InstanceId, Input(key), stubs);

        Assert.Equal(new SyncOrderResult(SyncStatus.Quarantined, null, "SKU-9 has no mapping"), result);
        var write = Assert.Single(stubs.Inputs(SyncTasks.WriteBack));
        Assert.Equal(SyncStatus.Quarantined, write.Status);
        Assert.Equal(["SKU-9"], write.UnmappedSkus!);
        var alert = Assert.Single(stubs.Inputs(SyncTasks.SendAlert));
        Assert.Equal((AlertKind.Quarantined, $"shop:douyin:{key.ShopId}", key.InstanceId), (alert.Kind, alert.Target, alert.InstanceId));
        Assert.DoesNotContain(SyncTasks.CheckStock.Name, stubs.Activities);
    }

    [Theory]
    [InlineData(SyncEvents.Resync, SyncStatus.OnHold)]
    [InlineData(SyncEvents.Pull, SyncStatus.OnHold)]
    [InlineData(SyncEvents.Release, SyncStatus.Synced)]
    public async Task A_held_order_stays_held_until_a_person_releases_it(string @event, SyncStatus outcome)
    {
        var key = NewKey();
        var stubs = new RunStubs
        {
            PrepareOrder = k => ToWrite(k) with { Plan = ToWrite(k).Plan with { HoldReasons = ["amount over 5000"] } },
            WriteErp = d => ErpWriteOutcome.Created("XSDD-" + d.ExternalOrderNo),
        };

        var (result, _) = await host.RunAsync(SyncTasks.SyncOrder, key.InstanceId, Input(key, @event), stubs);

        Assert.Equal(outcome, result.Status);
        Assert.Equal(outcome, Assert.Single(stubs.Inputs(SyncTasks.WriteBack)).Status);
        Assert.Equal(outcome == SyncStatus.Synced ? 1 : 0, stubs.Inputs(SyncTasks.WriteErp).Count);
    }

    [Fact]
    public async Task An_order_another_run_holds_is_read_again_once_the_lease_ends()
    {
        var key = NewKey();
        var reads = 0;
        var stubs = new RunStubs
        {
            PrepareOrder = k => Interlocked.Increment(ref reads) == 1
                ? ToWrite(k) with { HeldBy = new OrderLease(k, "batch:other", DateTimeOffset.UtcNow.AddMinutes(-2), DateTimeOffset.UtcNow.AddSeconds(-5)) }
                : ToWrite(k),
            WriteErp = _ => ErpWriteOutcome.Created("XSDD-7"),
        };

        var (result, _) = await host.RunAsync(SyncTasks.SyncOrder, key.InstanceId, Input(key), stubs);

        Assert.Equal(SyncStatus.Synced, result.Status);
        Assert.Equal(2, stubs.Inputs(SyncTasks.PrepareOrder).Count);
        Assert.Single(stubs.Inputs(SyncTasks.WriteErp));
    }

    [Fact]
    public async Task Short_stock_holds_the_order_once_alerted_and_writes_it_when_a_timed_recheck_finds_stock()
    {
        var key = NewKey();
        var checks = 0;
        var stubs = new RunStubs
        {
            PrepareOrder = k => ToWrite(k) with { Plan = ToWrite(k).Plan with { StockPolicy = StockPolicy.Hold, StockHoldMinutes = 10, StockRecheckSeconds = 1 } },
            CheckStock = _ => Interlocked.Increment(ref checks) <= 2 ? new StockCheckResult([new StockShortage("M-1", 1, 0)]) : new StockCheckResult([]),
            WriteErp = _ => ErpWriteOutcome.Created("XSDD-8"),
        };

        var (result, _) = await host.RunAsync(SyncTasks.SyncOrder, key.InstanceId, Input(key), stubs);

        Assert.Equal(SyncStatus.Synced, result.Status);
        Assert.Equal(3, stubs.Inputs(SyncTasks.CheckStock).Count);
        var writes = stubs.Inputs(SyncTasks.WriteBack);
        Assert.Equal([SyncStatus.PendingStock, SyncStatus.Synced], writes.Select(w => w.Status));
        Assert.Null(writes[0].ReleaseLeaseOf);
        Assert.Equal(key.InstanceId, writes[1].ReleaseLeaseOf);
        Assert.Equal(AlertKind.PendingStock, Assert.Single(stubs.Inputs(SyncTasks.SendAlert)).Kind);
    }

    [Fact]
    public async Task Stock_still_short_at_the_deadline_ends_the_run_pending_stock()
    {
        var key = NewKey();
        var stubs = new RunStubs
        {
            PrepareOrder = k => ToWrite(k) with { Plan = ToWrite(k).Plan with { StockPolicy = StockPolicy.Hold, StockHoldMinutes = 0 } },
            CheckStock = _ => new StockCheckResult([new StockShortage("M-1", 2, 1)]),
        };

        var (result, _) = await host.RunAsync(SyncTasks.SyncOrder, key.InstanceId, Input(key), stubs);

        Assert.Equal(SyncStatus.PendingStock, result.Status);
        Assert.Contains("M-1: need 2, have 1", result.Reason, StringComparison.Ordinal);
        Assert.Equal(key.InstanceId, stubs.Inputs(SyncTasks.WriteBack)[^1].ReleaseLeaseOf);
        Assert.DoesNotContain(SyncTasks.WriteErp.Name, stubs.Activities);
    }

    [Fact]
    public async Task Short_stock_under_the_write_anyway_policy_is_noted_and_written()
    {
        var key = NewKey();
        var stubs = new RunStubs
        {
            PrepareOrder = k => ToWrite(k) with { Plan = ToWrite(k).Plan with { StockPolicy = StockPolicy.WriteAnyway } },
            CheckStock = _ => new StockCheckResult([new StockShortage("M-1", 1, 0)]),
            WriteErp = _ => ErpWriteOutcome.Created("XSDD-9"),
        };

        var (result, _) = await host.RunAsync(SyncTasks.SyncOrder, key.InstanceId, Input(key), stubs);

        Assert.Equal(SyncStatus.Synced, result.Status);
        Assert.Equal([SyncStatus.Received, SyncStatus.Synced], stubs.Inputs(SyncTasks.WriteBack).Select(w => w.Status));
        Assert.Empty(stubs.Inputs(SyncTasks.SendAlert));
    }

    [Fact]
    public async Task An_order_the_platform_will_not_give_fails_after_the_fetch_retries_with_a_platform_alert()
    {
        var key = NewKey();
        var stubs = new RunStubs { PrepareOrder = _ => throw new Pipeline.Ports.PlatformTransientException("isv.traffic-limited") };

        var (result, _) = await host.RunAsync(SyncTasks.SyncOrder, key.InstanceId, Input(key), stubs);

        Assert.Equal(SyncStatus.Failed, result.Status);
        Assert.Equal(FastRetries.Fetch.Attempts, stubs.Inputs(SyncTasks.PrepareOrder).Count);
        var alert = Assert.Single(stubs.Inputs(SyncTasks.SendAlert));
        Assert.Equal((AlertKind.ErpRetriesExhausted, "platform:douyin"), (alert.Kind, alert.Target));
    }
}
