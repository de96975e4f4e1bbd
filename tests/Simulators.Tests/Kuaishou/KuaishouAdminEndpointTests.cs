namespace ServerlessSync.Simulators.Tests.Kuaishou;

[Collection(KuaishouSimulatorCollection.Name)]
public sealed class KuaishouAdminEndpointTests(KuaishouSimulatorFixture sim) : IAsyncLifetime
{
    private WebhookReceiver receiver = null!;

    public async Task InitializeAsync() => receiver = await KuaishouWebhookReceiver.StartAsync(sim.Options.AppKey, sim.Options.MessageKey);

    public async Task DisposeAsync() => await receiver.DisposeAsync();

    private async Task<JsonElement> GetJsonAsync(string path) => await sim.Http.GetFromJsonAsync<JsonElement>(sim.Url(path));

    [Fact]
    public async Task Burst_endpoint_plays_in_the_background_and_reports_progress_like_douyins()
    {
        var start = await sim.Http.PostAsJsonAsync(sim.Url("kuaishou/_sim/burst"), new
        {
            orders = 12,
            ratePerSecond = 200,
            webhookUrl = receiver.Url.ToString(),
            shopId = "5000999",
        });
        Assert.Equal(202, (int)start.StatusCode);
        var burstId = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("burstId").GetString();

        JsonElement status = default;
        for (var i = 0; i < 150; i++)
        {
            status = await GetJsonAsync($"kuaishou/_sim/burst/{burstId}");
            if (status.GetProperty("done").GetBoolean())
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.True(status.GetProperty("done").GetBoolean());
        Assert.Equal((12, 24, 24), (status.GetProperty("created").GetInt32(), status.GetProperty("sent").GetInt32(), status.GetProperty("acked").GetInt32()));
        Assert.True(status.GetProperty("latencyP50Ms").GetDouble() > 0);
        Assert.True(status.GetProperty("latencyP99Ms").GetDouble() >= status.GetProperty("latencyP50Ms").GetDouble());
        var orderIds = status.GetProperty("orderIds").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.All(receiver.Messages, m => Assert.Equal("5000999", m.Message.Event.ShopId));

        var listed = await GetJsonAsync("kuaishou/_sim/orders?shopId=5000999");
        Assert.Equal(orderIds, listed.GetProperty("orders").EnumerateArray().Select(o => o.GetProperty("orderId").GetString()));
    }

    [Fact]
    public async Task Status_change_is_stored_and_pushed_as_the_matching_event()
    {
        var orderId = sim.Store.CreateOrders(1).Single().Oid;

        var cancelled = await sim.Http.PostAsJsonAsync(sim.Url($"kuaishou/_sim/orders/{orderId}/status"), new { status = 80, webhookUrl = receiver.Url.ToString() });
        var refunded = await sim.Http.PostAsJsonAsync(sim.Url($"kuaishou/_sim/orders/{orderId}/status"), new { status = 80, refundStatus = 60, webhookUrl = receiver.Url.ToString() });

        cancelled.EnsureSuccessStatusCode();
        refunded.EnsureSuccessStatusCode();
        Assert.Equal((80, 60), (sim.Store.Find(orderId)!.Status, sim.Store.Find(orderId)!.RefundStatus));
        Assert.Equal(
            [("trade.cancelled", orderId), ("refund.updated", orderId)],
            receiver.Messages.Select(m => (m.Message.Event.Event, m.Message.Event.OrderId)));
    }

    [Theory]
    [InlineData("forged", 401)]
    [InlineData("garbage", 401)]
    public async Task Push_endpoint_can_send_a_body_that_does_not_decrypt(string kind, int expected)
    {
        var orderId = sim.Store.CreateOrders(1).Single().Oid;

        var response = await sim.Http.PostAsJsonAsync(sim.Url("kuaishou/_sim/push"), new { orderId, webhookUrl = receiver.Url.ToString(), kind });

        response.EnsureSuccessStatusCode();
        var arrival = Assert.Single(receiver.Arrivals);
        Assert.Equal((PushOutcomeKind.Rejected, expected), (arrival.Outcome.Kind, arrival.Outcome.RejectStatusCode));
    }

    [Fact]
    public async Task Push_endpoint_sends_a_heartbeat()
    {
        var response = await sim.Http.PostAsJsonAsync(sim.Url("kuaishou/_sim/push"), new { webhookUrl = receiver.Url.ToString(), kind = "heartbeat" });

        response.EnsureSuccessStatusCode();
        Assert.Equal(PushOutcomeKind.Test, Assert.Single(receiver.Arrivals).Outcome.Kind);
    }

    [Fact]
    public async Task Order_detail_shows_the_gift_sub_order_and_the_anchor()
    {
        var withGift = Enumerable.Range(0, 200).Select(_ => sim.Store.CreateOrders(1).Single()).First(o => o.Gifts.Count > 0);

        var detail = await GetJsonAsync($"kuaishou/_sim/orders/{withGift.Oid}");

        var sub = Assert.Single(detail.GetProperty("subOrderInfo").EnumerateArray());
        Assert.Equal(2, sub.GetProperty("subOrderType").GetInt32());
        Assert.Equal(withGift.Gifts[0].Oid, sub.GetProperty("subOrderBaseInfo").GetProperty("oid").GetRawText());
        Assert.Equal(withGift.SellerRoleName, detail.GetProperty("orderBaseInfo").GetProperty("orderSellerRoleInfo").GetProperty("roleName").GetString());
    }

    [Fact]
    public async Task A_burst_for_a_seller_id_of_more_than_18_digits_is_refused()
    {
        var response = await sim.Http.PostAsJsonAsync(sim.Url("kuaishou/_sim/burst"), new { shopId = "1234567890123456789", webhookUrl = "http://127.0.0.1:9/webhook" });

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("shopId must be a numeric 快手 seller id.", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }
}
