using ServerlessSync.Pipeline.Intake;
using ServerlessSync.Pipeline.Ports;
using ServerlessSync.Pipeline.Sync.Start;
using ServerlessSync.Pipeline.Sync;

namespace ServerlessSync.LocalHost.Tests;

/// <summary>Finished runs lose their task-hub history after the retention; the ledger and the ERP keep every order, and a later event still syncs nothing twice.</summary>
public sealed class CompletedInstancePurgerTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Finished_runs_are_purged_after_the_retention_and_a_later_event_for_the_order_writes_nothing_twice()
    {
        await using var hub = await TestHub.StartAsync(settings: new Dictionary<string, string?>
        {
            ["DurableTask:PurgeCompletedAfterSeconds"] = "1",
            ["DurableTask:PurgeIntervalSeconds"] = "1",
        });
        var burst = await hub.PlayDouyinBurstAsync(new DouyinBurstPlan { Orders = 4, RatePerSecond = 50, Seed = 5 });
        await hub.WaitForLedgerAsync(DemoCatalog.ShopId, burst.OrderIds, Settle, SyncStatus.Synced);

        var gateway = hub.HubService<IOrchestrationGateway>();
        var instanceIds = burst.OrderIds.Select(id => new OrderKey(PlatformNames.Douyin, DemoCatalog.ShopId, id).InstanceId).ToList();
        var left = instanceIds;
        await Poll.UntilAsync(
            async () =>
            {
                left = (await Task.WhenAll(instanceIds.Select(async id => (id, state: await gateway.GetAsync(id, CancellationToken.None)))))
                    .Where(x => x.state is not null).Select(x => x.id).ToList();
                return left.Count == 0;
            },
            TimeSpan.FromSeconds(90),
            TimeSpan.FromMilliseconds(500));

        Assert.Empty(left);
        var ledger = await hub.WaitForLedgerAsync(DemoCatalog.ShopId, burst.OrderIds, Settle, SyncStatus.Synced);
        Assert.All(ledger.Values, e => Assert.Equal(SyncStatus.Synced, e!.Status));

        // A late event for a purged order starts a fresh run, which finds the order in the ledger and writes nothing.
        var order = burst.OrderIds[0];
        var key = new OrderKey(PlatformNames.Douyin, DemoCatalog.ShopId, order);
        var historyBefore = ledger[order]!.History.Count;
        var late = new IntakeMessage(PlatformNames.Douyin, DemoCatalog.ShopId, order, SyncEvents.Pull, DateTimeOffset.UtcNow, "late-" + order, DateTimeOffset.UtcNow.AddSeconds(-10));
        // Started, or covered by a run another event (a slow-path hand-off, a pull) started under the same purged id in the
        // meantime: either way a run after the purge must find the order and write nothing.
        Assert.Contains(await hub.HubService<OrderEventStarter>().StartAsync(late, CancellationToken.None), new[] { StartOutcome.Started, StartOutcome.AlreadyCovered });
        var rerun = DateTimeOffset.UtcNow.AddSeconds(60);
        InstanceSnapshot? snapshot;
        do
        {
            await Task.Delay(250);
            snapshot = await gateway.GetAsync(key.InstanceId, CancellationToken.None);
        }
        while (snapshot is not { Status: InstanceRuntimeStatus.Completed } && DateTimeOffset.UtcNow < rerun);

        Assert.Equal(InstanceRuntimeStatus.Completed, snapshot?.Status);
        Assert.Contains("nothing missing", snapshot!.Output, StringComparison.Ordinal);
        Assert.Single(hub.Kingdee.FindByNetOrderBillNo(order));
        Assert.Equal(historyBefore, (await hub.Ledger.GetAsync(key, CancellationToken.None))!.History.Count);
        Assert.All(burst.OrderIds, id => Assert.Single(hub.Kingdee.FindByNetOrderBillNo(id)));
    }
}
