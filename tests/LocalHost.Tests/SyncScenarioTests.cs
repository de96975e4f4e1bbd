using Azure.Data.Tables;
using ServerlessSync.Domain.Mapping;
using ServerlessSync.Pipeline.Alerts;
using ServerlessSync.Pipeline.Profiles;

namespace ServerlessSync.LocalHost.Tests;

/// <summary>
/// The SyncOrder orchestration on the real Durable Task Framework (Azure Storage backend on Azurite), driven by
/// signed pushes from the Douyin simulator into the LocalHost, writing to the Kingdee simulator.
/// </summary>
public sealed class SyncScenarioTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task An_order_with_an_unmapped_sku_is_quarantined_with_the_sku_and_an_alert_and_nothing_reaches_the_erp()
    {
        await using var robot = await WeComRobot.StartAsync();
        await using var hub = await TestHub.StartAsync(settings: new Dictionary<string, string?> { ["Alerts:WeComWebhookUrl"] = robot.Url });
        var profiles = hub.HubService<ProfileStore>();
        var profile = (await profiles.GetAsync(PlatformNames.Douyin, DemoCatalog.ShopId, CancellationToken.None))!;
        var missing = DemoCatalog.Products[0];
        await profiles.SaveAsync(profile with { Skus = profile.Skus.Where(s => s.Key != missing.MerchantCode).ToDictionary() }, "test", CancellationToken.None);

        var burst = await hub.PlayDouyinBurstAsync(new DouyinBurstPlan { Orders = 12, RatePerSecond = 50, Seed = 7 });
        var ledger = await hub.WaitForLedgerAsync(DemoCatalog.ShopId, burst.OrderIds, Settle, SyncStatus.Synced, SyncStatus.Quarantined);

        var withMissing = burst.OrderIds.Where(id => hub.DouyinOrders.Find(id)!.Lines.Any(l => l.Code == missing.MerchantCode)).ToList();
        Assert.NotEmpty(withMissing);
        Assert.All(withMissing, id =>
        {
            Assert.Equal(SyncStatus.Quarantined, ledger[id]!.Status);
            Assert.Contains(missing.MerchantCode, ledger[id]!.Reason);
        });
        Assert.All(burst.OrderIds.Except(withMissing), id => Assert.Equal(SyncStatus.Synced, ledger[id]!.Status));
        Assert.DoesNotContain(hub.Kingdee.Bills, b => withMissing.Contains(b.NetOrderBillNo));
        // Quarantine alerts once per shop within the dedupe window, whatever the number of orders.
        await robot.WaitForMessagesAsync(1, TimeSpan.FromSeconds(30));
        Assert.Single(robot.Messages);
        Assert.Contains("quarantined", robot.Messages.Single().GetProperty("markdown").GetProperty("content").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Short_stock_holds_the_order_as_pending_and_a_later_recheck_writes_it_once_stock_arrives()
    {
        await using var hub = await TestHub.StartAsync();
        var profiles = hub.HubService<ProfileStore>();
        var profile = (await profiles.GetAsync(PlatformNames.Douyin, DemoCatalog.ShopId, CancellationToken.None))!;
        await profiles.SaveAsync(profile with { StockPolicy = StockPolicy.Hold, StockRecheckSeconds = 1, StockHoldMinutes = 5 }, "test", CancellationToken.None);
        foreach (var product in DemoCatalog.Products)
        {
            hub.Kingdee.Store.SetStock(product.MaterialNumber, DemoCatalog.WarehouseNumber, 0);
        }

        var burst = await hub.PlayDouyinBurstAsync(new DouyinBurstPlan { Orders = 3, RatePerSecond = 50, Seed = 11 });
        var pending = await hub.WaitForLedgerAsync(DemoCatalog.ShopId, burst.OrderIds, Settle, SyncStatus.PendingStock);
        Assert.All(pending.Values, e => Assert.Equal(SyncStatus.PendingStock, e!.Status));
        Assert.Empty(hub.Kingdee.Bills);

        foreach (var product in DemoCatalog.Products)
        {
            hub.Kingdee.Store.SetStock(product.MaterialNumber, DemoCatalog.WarehouseNumber, 1000);
        }

        var synced = await hub.WaitForLedgerAsync(DemoCatalog.ShopId, burst.OrderIds, Settle, SyncStatus.Synced);
        Assert.All(synced.Values, e => Assert.Equal(SyncStatus.Synced, e!.Status));
        Assert.Equal(3, hub.Kingdee.Bills.Count);
        Assert.All(synced.Values, e => Assert.Contains(e!.History, h => h.Status == SyncStatus.PendingStock));
    }

    [Fact]
    public async Task Erp_rejections_fail_the_orders_without_retry_and_alert_once_after_three_in_a_row()
    {
        await using var robot = await WeComRobot.StartAsync();
        await using var hub = await TestHub.StartAsync(
            simulators: o => o.Kingdee.BusinessRejectRate = 1.0,
            settings: new Dictionary<string, string?> { ["Alerts:WeComWebhookUrl"] = robot.Url });

        var burst = await hub.PlayDouyinBurstAsync(new DouyinBurstPlan { Orders = 4, RatePerSecond = 2, Seed = 3 });
        var ledger = await hub.WaitForLedgerAsync(DemoCatalog.ShopId, burst.OrderIds, Settle, SyncStatus.Failed);

        Assert.All(ledger.Values, e =>
        {
            Assert.Equal(SyncStatus.Failed, e!.Status);
            Assert.Contains("rejected", e.Reason, StringComparison.OrdinalIgnoreCase);
        });
        Assert.Empty(hub.Kingdee.Bills);
        await robot.WaitForMessagesAsync(1, TimeSpan.FromSeconds(30));
        var alert = Assert.Single(robot.Messages);
        Assert.Contains("erp:Kingdee", alert.GetProperty("markdown").GetProperty("content").GetString());
        var log = await hub.HubService<StorageClients>().TableAsync(AlertService.LogTable);
        Assert.Single(log.Query<TableEntity>());
    }

    [Fact]
    public async Task A_stock_query_outage_is_retried_durably_and_the_orders_still_reach_the_erp_once()
    {
        // More failures than the HTTP-level retries of one stock query: the CheckStock activity itself fails and the
        // orchestration's durable retry has to carry the orders through.
        await using var hub = await TestHub.StartAsync(
            simulators: o => o.Kingdee.FailStockQueries = 12,
            settings: new Dictionary<string, string?> { ["Sync:WriteErpFirstRetrySeconds"] = "1", ["Sync:WriteErpMaxRetrySeconds"] = "2" });

        var burst = await hub.PlayDouyinBurstAsync(new DouyinBurstPlan { Orders = 3, RatePerSecond = 10, Seed = 8 });
        var ledger = await hub.WaitForLedgerAsync(DemoCatalog.ShopId, burst.OrderIds, Settle, SyncStatus.Synced);

        Assert.All(ledger.Values, e => Assert.Equal(SyncStatus.Synced, e!.Status));
        Assert.All(burst.OrderIds, id => Assert.Single(hub.Kingdee.FindByNetOrderBillNo(id)));
        Assert.True(hub.Kingdee.Metrics.Snapshot().TransientFailures >= 12, "the stock outage did not happen");
    }

    [Fact]
    public async Task A_save_that_commits_but_never_answers_is_retried_into_exactly_one_erp_order()
    {
        await using var hub = await TestHub.StartAsync(
            simulators: o =>
            {
                o.Kingdee.CommitThenTimeoutRate = 1.0;
                o.Kingdee.CommitThenTimeoutHoldMs = 10_000;
            },
            settings: new Dictionary<string, string?> { ["Erp:Kingdee:WriteTimeout"] = "00:00:02" });

        var burst = await hub.PlayDouyinBurstAsync(new DouyinBurstPlan { Orders = 2, RatePerSecond = 10, Seed = 5 });
        var ledger = await hub.WaitForLedgerAsync(DemoCatalog.ShopId, burst.OrderIds, Settle, SyncStatus.Synced);

        Assert.All(ledger.Values, e => Assert.Equal(SyncStatus.Synced, e!.Status));
        Assert.All(burst.OrderIds, id => Assert.Single(hub.Kingdee.FindByNetOrderBillNo(id)));
        Assert.Empty(hub.Kingdee.Duplicates);
        Assert.All(ledger.Values, e => Assert.Contains("already existed", e!.History.Last(h => h.Status == SyncStatus.Synced).Note));
    }

    [Fact]
    public async Task A_cancel_before_the_erp_write_writes_nothing_and_a_cancel_after_it_reverses_the_erp_order()
    {
        await using var robot = await WeComRobot.StartAsync();
        await using var hub = await TestHub.StartAsync(settings: new Dictionary<string, string?> { ["Alerts:WeComWebhookUrl"] = robot.Url });
        var options = hub.DouyinOptions;
        var sender = hub.SimulatorService<DouyinPushSender>();
        var webhook = new Uri(hub.DouyinWebhookUrl);
        var orders = hub.DouyinOrders.CreateOrders(2);
        var early = orders[0];
        var late = orders[1];

        hub.DouyinOrders.SetStatus(early.OrderId, 4, 4);
        await sender.SendAsync(webhook, DouyinPushBuilder.Build(options.AppKey, options.AppSecret, hub.DouyinOrders.Find(early.OrderId)!, "106", "m-early-106"), CancellationToken.None);
        await sender.SendAsync(webhook, DouyinPushBuilder.Build(options.AppKey, options.AppSecret, late, "101", "m-late-101"), CancellationToken.None);
        var first = await hub.WaitForLedgerAsync(DemoCatalog.ShopId, [early.OrderId, late.OrderId], Settle, SyncStatus.CancelledBeforeErp, SyncStatus.Synced);
        Assert.Equal(SyncStatus.CancelledBeforeErp, first[early.OrderId]!.Status);
        Assert.Equal(SyncStatus.Synced, first[late.OrderId]!.Status);

        hub.DouyinOrders.SetStatus(late.OrderId, 4, 4);
        await sender.SendAsync(webhook, DouyinPushBuilder.Build(options.AppKey, options.AppSecret, hub.DouyinOrders.Find(late.OrderId)!, "106", "m-late-106"), CancellationToken.None);
        var second = await hub.WaitForLedgerAsync(DemoCatalog.ShopId, [late.OrderId], Settle, SyncStatus.Reversed);

        // Kingdee's own way: the audited bill is un-audited and deleted.
        Assert.Equal(SyncStatus.Reversed, second[late.OrderId]!.Status);
        Assert.Equal(first[late.OrderId]!.ErpOrderNumber, second[late.OrderId]!.ErpOrderNumber);
        Assert.DoesNotContain(hub.Kingdee.Bills, b => b.NetOrderBillNo == early.OrderId);
        Assert.Empty(hub.Kingdee.FindByNetOrderBillNo(late.OrderId));
        Assert.Contains(hub.Kingdee.DeletedBills, b => b.NetOrderBillNo == late.OrderId);
        Assert.Empty(robot.Messages);
    }
}
