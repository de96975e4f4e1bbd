namespace ServerlessSync.LocalHost.Tests;

/// <summary>
/// An ERP that commits after the hub stopped waiting (issue 14, item 1), through the real engine: the Kingdee simulator
/// stores every save 6 s after the request, the hub gives up on it after 2 s and retries a second later.
/// </summary>
public sealed class LateCommitTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_save_that_commits_after_the_write_timeout_is_not_created_again_and_the_order_is_synced_once()
    {
        await using var hub = await TestHub.StartAsync(
            simulators: o =>
            {
                o.Kingdee.SlowCommitRate = 1.0;
                o.Kingdee.SlowCommitSeconds = 6;
            },
            settings: new Dictionary<string, string?>
            {
                ["Erp:Kingdee:WriteTimeout"] = "00:00:02",
                ["Erp:CommitHorizonSeconds"] = "10",
            });

        var burst = await hub.PlayDouyinBurstAsync(new DouyinBurstPlan { Orders = 2, RatePerSecond = 10, Seed = 21 });
        var ledger = await hub.WaitForLedgerAsync(DemoCatalog.ShopId, burst.OrderIds, Settle, SyncStatus.Synced, SyncStatus.Failed);

        Assert.True(hub.Kingdee.Metrics.Snapshot().SlowCommits > 0, "no save committed late");
        Assert.All(ledger.Values, e => Assert.Equal(SyncStatus.Synced, e!.Status));
        Assert.All(burst.OrderIds, id => Assert.Single(hub.Kingdee.FindByNetOrderBillNo(id)));
        Assert.Empty(hub.Kingdee.Duplicates);
    }
}
