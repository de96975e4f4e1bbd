using System.Net;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using ServerlessSync.Domain.Orders;
using ServerlessSync.HubTestSupport;
using ServerlessSync.Pipeline.Intake;
using ServerlessSync.Pipeline.Storage;
using ServerlessSync.Simulators;
using ServerlessSync.Simulators.Douyin;

namespace ServerlessSync.EndToEnd;

/// <summary>The whole pipeline on one machine: simulated 抖店 pushes in, Kingdee sales orders out.</summary>
public sealed class DouyinToKingdeeTests
{
    [Fact]
    public async Task Two_hundred_orders_pushed_twice_and_out_of_order_give_exactly_two_hundred_erp_orders()
    {
        await using var hub = await TestHub.StartAsync();

        var burst = await hub.PlayDouyinBurstAsync(new DouyinBurstPlan
        {
            Orders = 200,
            RatePerSecond = 100,
            DuplicateRate = 1.0,
            OutOfOrderRate = 0.3,
            Seed = 42,
        });

        Assert.Equal(200, burst.Created);
        var unacked = burst.Pushes.Where(p => !p.Dropped && !p.Acked).Select(p => $"{p.OrderId}/{p.Tag}: {p.StatusCode} {p.Error} after {p.LatencyMs:0} ms").ToList();
        Assert.True(unacked.Count == 0, $"pushes not acked: {string.Join("; ", unacked.Take(10))}");
        Assert.True(burst.Duplicates >= 400, $"every push should be sent twice, saw {burst.Duplicates} duplicates");
        Assert.NotEmpty(burst.OutOfOrderIds);

        var ledger = await hub.WaitForLedgerAsync(DemoCatalog.ShopId, burst.OrderIds, TimeSpan.FromMinutes(3), SyncStatus.Synced);
        var notSynced = ledger.Where(e => e.Value?.Status != SyncStatus.Synced).Select(e => $"{e.Key}:{e.Value?.Status}:{e.Value?.Reason}").ToList();
        Assert.True(notSynced.Count == 0, $"not synced: {string.Join(", ", notSynced.Take(10))}");

        var bills = hub.Kingdee.Bills.Where(b => burst.OrderIds.Contains(b.NetOrderBillNo)).ToList();
        Assert.Equal(200, bills.Count);
        Assert.Empty(hub.Kingdee.Duplicates);
        Assert.All(bills, b => Assert.Equal("C", b.Status));
        Assert.Equal(
            bills.Select(b => b.BillNo).OrderBy(n => n),
            ledger.Values.Select(e => e!.ErpOrderNumber).OrderBy(n => n));
    }

    [Fact]
    public async Task A_forged_push_gets_401_and_leaves_no_inbox_row_no_queue_message_and_no_blob()
    {
        await using var hub = await TestHub.StartAsync();
        var order = hub.DouyinOrders.CreateOrders(1)[0];
        var genuine = DouyinPushBuilder.Build(hub.DouyinOptions.AppKey, hub.DouyinOptions.AppSecret, order, "101", "msg-forged-1");
        var forged = DouyinPushBuilder.Forge(genuine);

        using var request = new HttpRequestMessage(HttpMethod.Post, hub.DouyinWebhookUrl) { Content = new ByteArrayContent(forged.Body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("app-id", forged.AppId);
        request.Headers.Add("event-sign", forged.EventSign);
        using var response = await hub.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var storage = hub.HubService<StorageClients>();
        var inbox = await storage.TableAsync(InboxStore.TableName);
        Assert.Empty(inbox.Query<TableEntity>(maxPerPage: 10).Take(1));
        var queue = await storage.QueueAsync(storage.IntakeQueueName);
        var peeked = await queue.PeekMessagesAsync(10);
        Assert.Empty(peeked.Value);
        var bodies = await storage.ContainerAsync(IntakeQueueNames.Bodies(storage.IntakeQueueName));
        Assert.Empty(bodies.GetBlobs().Take(1));
        Assert.Null(await hub.Ledger.GetAsync(new OrderKey(PlatformNames.Douyin, order.ShopId, order.OrderId), CancellationToken.None));
    }
}
