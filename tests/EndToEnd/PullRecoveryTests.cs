namespace ServerlessSync.EndToEnd;

/// <summary>Intake is gap-proof: pushes the platform never delivers are caught by the incremental pull.</summary>
public sealed class PullRecoveryTests
{
    [Fact]
    public async Task With_a_fifth_of_pushes_dropped_every_order_still_reaches_the_erp_exactly_once_through_pull()
    {
        await using var hub = await TestHub.StartAsync(settings: new Dictionary<string, string?>
        {
            [$"Platforms:Douyin:Shops:{DemoCatalog.ShopId}:PullEnabled"] = "true",
            ["Pull:IntervalSeconds"] = "2",
            ["Pull:InitialLookbackMinutes"] = "10",
            ["Pull:OverlapSeconds"] = "60",
            ["Pull:SettleSeconds"] = "0",
        });

        var burst = await hub.PlayDouyinBurstAsync(new DouyinBurstPlan { Orders = 60, RatePerSecond = 60, DropRate = 0.2, Seed = 99 });
        var neverPushed = burst.OrderIds.Where(id => burst.Pushes.Where(p => p.OrderId == id).All(p => p.Dropped)).ToList();
        Assert.True(burst.Dropped > 0, "the simulator should have dropped some pushes");
        Assert.NotEmpty(neverPushed);

        var ledger = await hub.WaitForLedgerAsync(DemoCatalog.ShopId, burst.OrderIds, TimeSpan.FromMinutes(2), SyncStatus.Synced);

        Assert.All(burst.OrderIds, id => Assert.Equal(SyncStatus.Synced, ledger[id]?.Status));
        Assert.All(burst.OrderIds, id => Assert.Single(hub.Kingdee.FindByNetOrderBillNo(id)));
        Assert.Empty(hub.Kingdee.Duplicates);
        foreach (var id in neverPushed)
        {
            var status = await hub.GetOrderStatusAsync(PlatformNames.Douyin, DemoCatalog.ShopId, id);
            Assert.NotNull(status);
        }
    }
}
