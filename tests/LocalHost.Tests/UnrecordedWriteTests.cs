using ServerlessSync.Pipeline.Ledger;

namespace ServerlessSync.LocalHost.Tests;

/// <summary>
/// ERP writes the ledger did not record (issue 14, items 2 and 7), through the real engine: a cancel after a write whose
/// answer was lost is reversed in the ERP, and a write-back that fails after the ERP write alerts and catches up later.
/// </summary>
public sealed class UnrecordedWriteTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_cancel_after_a_committed_write_the_ledger_recorded_as_failed_reverses_the_erp_order()
    {
        await using var hub = await TestHub.StartAsync(
            simulators: o =>
            {
                o.Kingdee.CommitThenTimeoutRate = 1.0;
                o.Kingdee.CommitThenTimeoutHoldMs = 10_000;
            },
            settings: new Dictionary<string, string?>
            {
                ["Erp:Kingdee:WriteTimeout"] = "00:00:02",
                ["Sync:WriteErpMaxAttempts"] = "1",
                ["Erp:CommitHorizonSeconds"] = "1",
            });
        var options = hub.DouyinOptions;
        var sender = hub.SimulatorService<DouyinPushSender>();
        var webhook = new Uri(hub.DouyinWebhookUrl);
        var order = hub.DouyinOrders.CreateOrders(1)[0];

        // A per-order run (a resync starts one) with one try leaves the ledger Failed without an ERP number; a batch run
        // would try again and find the bill.
        await ResyncAsync(hub, order.OrderId);
        var failed = (await hub.WaitForLedgerAsync(DemoCatalog.ShopId, [order.OrderId], Settle, SyncStatus.Failed, SyncStatus.Synced))[order.OrderId]!;
        var bill = Assert.Single(hub.Kingdee.FindByNetOrderBillNo(order.OrderId));
        hub.Kingdee.Options.CommitThenTimeoutRate = 0;
        hub.DouyinOrders.SetStatus(order.OrderId, 4, 4);
        await sender.SendAsync(webhook, DouyinPushBuilder.Build(options.AppKey, options.AppSecret, hub.DouyinOrders.Find(order.OrderId)!, "106", "m-lost-106"), CancellationToken.None);
        var after = (await hub.WaitForLedgerAsync(DemoCatalog.ShopId, [order.OrderId], Settle, SyncStatus.Reversed, SyncStatus.CancelledBeforeErp))[order.OrderId]!;

        Assert.Equal(SyncStatus.Failed, failed.Status);
        Assert.Null(failed.ErpOrderNumber);
        Assert.Equal(SyncStatus.Reversed, after.Status);
        Assert.Equal(bill.BillNo, after.ErpOrderNumber);
        Assert.Empty(hub.Kingdee.FindByNetOrderBillNo(order.OrderId));
        Assert.Contains(hub.Kingdee.DeletedBills, b => b.NetOrderBillNo == order.OrderId);
    }

    /// <param name="perOrderRun">Start the order's own SyncOrder run (a resync) instead of a pushed order's batch run.</param>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_write_back_that_fails_after_the_erp_write_alerts_and_the_ledger_catches_up_once_storage_is_back(bool perOrderRun)
    {
        await using var robot = await WeComRobot.StartAsync();
        await using var hub = await TestHub.StartAsync(
            simulators: o =>
            {
                // The first save commits and answers late (and not at all), so the test can take the ledger away before the write-back.
                o.Kingdee.CommitThenTimeoutRate = 1.0;
                o.Kingdee.CommitThenTimeoutHoldMs = 3_000;
            },
            settings: new Dictionary<string, string?>
            {
                ["Alerts:WeComWebhookUrl"] = robot.Url,
                ["Sync:WriteBackRetrySeconds"] = "2",
                ["Sync:WriteBackAttempts"] = "2",
                ["Sync:WriteBackFirstRetrySeconds"] = "1",
            });
        var ledgerTable = await hub.HubService<StorageClients>().TableAsync(OrderLedger.TableName);

        string orderId;
        if (perOrderRun)
        {
            orderId = hub.DouyinOrders.CreateOrders(1)[0].OrderId;
            await ResyncAsync(hub, orderId);
        }
        else
        {
            orderId = (await hub.PlayDouyinBurstAsync(new DouyinBurstPlan { Orders = 1, RatePerSecond = 10, Seed = 31 })).OrderIds.Single();
        }

        for (var i = 0; i < 600 && hub.Kingdee.FindByNetOrderBillNo(orderId).Count == 0; i++)
        {
            await Task.Delay(50);
        }

        await ledgerTable.DeleteAsync();
        hub.Kingdee.Options.CommitThenTimeoutRate = 0;
        await robot.WaitForMessagesAsync(1, TimeSpan.FromMinutes(2));
        await ledgerTable.CreateIfNotExistsAsync();
        var synced = (await hub.WaitForLedgerAsync(DemoCatalog.ShopId, [orderId], Settle, SyncStatus.Synced))[orderId]!;

        var alert = robot.Messages.First().GetProperty("markdown").GetProperty("content").GetString();
        Assert.Contains("recorded", alert, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(SyncStatus.Synced, synced.Status);
        Assert.Equal(Assert.Single(hub.Kingdee.FindByNetOrderBillNo(orderId)).BillNo, synced.ErpOrderNumber);
    }

    private static async Task ResyncAsync(TestHub hub, string orderId)
    {
        using var resync = await hub.Http.PostAsync($"/api/orders/douyin/{DemoCatalog.ShopId}/{orderId}/resync", TestHub.EmptyJson());
        Assert.Equal(HttpStatusCode.Accepted, resync.StatusCode);
    }
}
