using ServerlessSync.Domain.Orders;
using ServerlessSync.HubTestSupport;
using ServerlessSync.Simulators;
using ServerlessSync.Simulators.Douyin;

namespace ServerlessSync.EndToEnd;

/// <summary>The ERP sets the pace, and a write whose answer is lost never becomes a second ERP order.</summary>
public sealed class ErpPaceAndExactlyOnceTests
{
    [Fact]
    public async Task With_thirty_percent_commit_then_time_out_and_throttling_every_order_is_in_the_erp_exactly_once()
    {
        await using var hub = await TestHub.StartAsync(
            simulators: o =>
            {
                o.Kingdee.CommitThenTimeoutRate = 0.3;
                o.Kingdee.CommitThenTimeoutHoldMs = 3000;
                o.Kingdee.MaxCallsPerSecond = 15;
                o.Kingdee.Seed = 30;
            },
            settings: new Dictionary<string, string?>
            {
                ["Erp:Kingdee:WriteTimeout"] = "00:00:01",
                // The hub is set above the ERP's real capacity, so the ERP answers "调用限制" (MsgCode 14) and the hub must cope.
                ["Erp:Kingdee:MaxCallsPerSecond"] = "20",
                // Production-like back-off (the test hub's default is 1–2 s): long enough to outlast an open circuit.
                ["Sync:WriteErpMaxAttempts"] = "12",
                ["Sync:WriteErpFirstRetrySeconds"] = "2",
                ["Sync:WriteErpMaxRetrySeconds"] = "20",
            });

        var burst = await hub.PlayDouyinBurstAsync(new DouyinBurstPlan { Orders = 20, RatePerSecond = 20, Seed = 31 });
        // Assert on what happened, not only on the end state: print the ledger reasons if an order is not synced.
        var ledger = await hub.WaitForLedgerAsync(DemoCatalog.ShopId, burst.OrderIds, TimeSpan.FromMinutes(5), SyncStatus.Synced);

        var metrics = hub.Kingdee.Metrics.Snapshot();
        Assert.True(metrics.CommitThenTimeouts > 0, "the simulator should have lost some answers after committing");
        Assert.True(metrics.Throttled > 0, "the simulator should have throttled some calls");
        var notSynced = burst.OrderIds.Where(id => ledger[id]?.Status != SyncStatus.Synced).Select(id => $"{id}: {ledger[id]?.Status} {ledger[id]?.Reason}").ToList();
        Assert.True(notSynced.Count == 0, string.Join("; ", notSynced.Take(5)));
        Assert.All(burst.OrderIds, id => Assert.Single(hub.Kingdee.FindByNetOrderBillNo(id)));
        Assert.Empty(hub.Kingdee.Duplicates);
        Assert.All(burst.OrderIds, id => Assert.Equal(hub.Kingdee.FindByNetOrderBillNo(id).Single().BillNo, ledger[id]!.ErpOrderNumber));
    }

    [Fact]
    public async Task The_erp_never_sees_more_calls_per_second_or_at_once_than_the_governor_allows()
    {
        await using var hub = await TestHub.StartAsync(
            simulators: o =>
            {
                o.Kingdee.MaxCallsPerSecond = 0;
                o.Kingdee.MaxConcurrency = 0;
                o.Kingdee.LatencyMs = 150;
            },
            settings: new Dictionary<string, string?>
            {
                ["Erp:Kingdee:MaxCallsPerSecond"] = "8",
                ["Erp:Kingdee:MaxConcurrency"] = "2",
            });

        var burst = await hub.PlayDouyinBurstAsync(new DouyinBurstPlan { Orders = 20, RatePerSecond = 100, Seed = 8 });
        var ledger = await hub.WaitForLedgerAsync(DemoCatalog.ShopId, burst.OrderIds, TimeSpan.FromMinutes(3), SyncStatus.Synced);

        Assert.All(burst.OrderIds, id => Assert.Equal(SyncStatus.Synced, ledger[id]?.Status));
        var metrics = hub.Kingdee.Metrics.Snapshot();
        Assert.True(metrics.TotalCalls >= 20 * 5, $"expected at least 5 ERP calls per order, saw {metrics.TotalCalls}");
        Assert.InRange(metrics.PeakCallsPerSecond, 1, 8);
        Assert.InRange(metrics.PeakConcurrency, 1, 2);
    }
}
