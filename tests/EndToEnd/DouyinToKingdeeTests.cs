using System.Net;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using ServerlessSync.Pipeline.Intake;
using ServerlessSync.Pipeline.Storage;

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
    public async Task Every_kingdee_order_totals_what_the_buyer_paid_with_freight_and_discounts_recorded_by_who_bore_them()
    {
        await using var hub = await TestHub.StartAsync();

        var burst = await hub.PlayDouyinBurstAsync(new DouyinBurstPlan { Orders = 40, RatePerSecond = 40, Seed = 7 });
        var ledger = await hub.WaitForLedgerAsync(DemoCatalog.ShopId, burst.OrderIds, TimeSpan.FromMinutes(2), SyncStatus.Synced);
        Assert.All(ledger.Values, e => Assert.Equal(SyncStatus.Synced, e?.Status));

        AssertEveryBillTotalsWhatTheBuyerPaid(hub, burst.OrderIds);
    }

    /// <summary>
    /// The money adds up in the ERP: each bill totals the platform's <c>pay_amount</c> to the fen, the freight is the
    /// demo profile's charge line, and the discounts are recorded by who bore them.
    /// </summary>
    private static void AssertEveryBillTotalsWhatTheBuyerPaid(TestHub hub, IReadOnlyCollection<string> orderIds)
    {
        var platform = orderIds.Select(id => hub.DouyinOrders.Find(id)!).ToList();
        Assert.Contains(platform, o => o.PostAmount > 0);
        Assert.Contains(platform, o => o.PlatformCostAmount > 0);
        foreach (var order in platform)
        {
            var bill = Assert.Single(hub.Kingdee.Bills, b => b.NetOrderBillNo == order.OrderId);
            Assert.Equal(order.PayAmount, decimal.ToInt64(bill.TotalAmount * 100));
            Assert.Equal(order.PostAmount, decimal.ToInt64(bill.Lines.Where(l => l.MaterialNumber == DemoCatalog.FreightMaterial).Sum(l => l.AllAmount) * 100));
            Assert.Equal(
                (order.PostAmount / 100m, order.ShopCostAmount / 100m, order.PlatformCostAmount / 100m),
                (Yuan(bill.CustomFields["F_SS_Freight"]), Yuan(bill.CustomFields["F_SS_MerchantDiscount"]), Yuan(bill.CustomFields["F_SS_PlatformSubsidy"])));
        }
    }

    private static decimal Yuan(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

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
