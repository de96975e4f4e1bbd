using System.Globalization;

namespace ServerlessSync.Simulators.Tests.WeChat;

[Collection(WeChatSimulatorCollection.Name)]
public sealed class WeChatBurstTests(WeChatSimulatorFixture sim) : IAsyncLifetime
{
    private WebhookReceiver receiver = null!;

    public async Task InitializeAsync() => receiver = await WeChatWebhookReceiver.StartAsync(sim.Options);

    public async Task DisposeAsync() => await receiver.DisposeAsync();

    private WeChatBurstPlayer NewPlayer(HttpClient http) =>
        new(sim.Store, new WeChatPushSender(http), sim.Options, TimeProvider.System);

    [Fact]
    public async Task Burst_endpoint_plays_in_the_background_and_every_push_decrypts_to_new_then_pay()
    {
        var start = await sim.Http.PostAsJsonAsync(sim.Url("wechat/_sim/burst"), new { orders = 12, ratePerSecond = 200, webhookUrl = receiver.Url.ToString() });
        Assert.Equal(202, (int)start.StatusCode);
        var burstId = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("burstId").GetString();

        JsonElement status = default;
        for (var i = 0; i < 150; i++)
        {
            status = await sim.Http.GetFromJsonAsync<JsonElement>(sim.Url($"wechat/_sim/burst/{burstId}"));
            if (status.GetProperty("done").GetBoolean())
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.True(status.GetProperty("done").GetBoolean());
        Assert.Equal((12, 24, 24, 0), (status.GetProperty("created").GetInt32(), status.GetProperty("sent").GetInt32(),
            status.GetProperty("acked").GetInt32(), status.GetProperty("failed").GetInt32()));
        Assert.True(status.GetProperty("latencyP50Ms").GetDouble() > 0);
        Assert.True(status.GetProperty("latencyP99Ms").GetDouble() >= status.GetProperty("latencyP50Ms").GetDouble());
        var orderIds = status.GetProperty("orderIds").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.All(orderIds, id => Assert.True(long.Parse(id, CultureInfo.InvariantCulture) > (1L << 53)));
        foreach (var orderId in orderIds)
        {
            var events = receiver.Messages.Select(m => m.Message).Where(m => m.Event.OrderId == orderId).ToList();
            Assert.Equal([WeChatPushEvents.OrderNew, WeChatPushEvents.OrderPay], events.Select(m => m.Event.Event));
            Assert.All(events, m => Assert.Equal(WeChatWebhookReceiver.ShopId, m.Event.ShopId));
        }
    }

    [Fact]
    public async Task Duplicates_out_of_order_and_drops_follow_the_seed_and_arrive_as_decided()
    {
        using var http = new HttpClient();
        var plan = new WeChatBurstPlan
        {
            Orders = 60,
            RatePerSecond = 5000,
            DuplicateRate = 0.3,
            OutOfOrderRate = 0.3,
            DropRate = 0.2,
            WebhookUrl = receiver.Url.ToString(),
            Seed = 7,
            MaxConcurrency = 8,
        };

        var first = await NewPlayer(http).PlayAsync(plan, CancellationToken.None);
        var arrivals = receiver.Messages.Select(m => m.Message).Where(m => first.OrderIds.Contains(m.Event.OrderId)).ToList();
        var second = await NewPlayer(http).PlayAsync(plan, CancellationToken.None);

        Assert.Equal(Decisions(first), Decisions(second));
        Assert.InRange(first.Dropped, 10, 40);
        Assert.InRange(first.Duplicates, 10, 50);
        Assert.InRange(first.OutOfOrderIds.Count, 8, 32);
        Assert.Equal(first.Sent, first.Acked);
        Assert.Equal(first.Sent, arrivals.Count);

        foreach (var dropped in first.Pushes.Where(p => p.Dropped))
        {
            Assert.DoesNotContain(arrivals, a => a.Event.MsgId == dropped.MsgKey);
        }

        // A redelivery is new bytes (fresh nonce, timestamp and random prefix) carrying the same message: the receiver
        // derives the same msg id for both copies.
        foreach (var duplicate in first.Pushes.Where(p => p.IsDuplicate))
        {
            var copies = arrivals.Where(a => a.Event.MsgId == duplicate.MsgKey).ToList();
            Assert.Equal(2, copies.Count);
            Assert.Equal(copies[0].RawMessage, copies[1].RawMessage);
        }

        foreach (var orderId in first.OutOfOrderIds)
        {
            var events = arrivals.Where(a => a.Event.OrderId == orderId).Select(a => a.Event.Event).Distinct().ToList();
            if (events.Count == 2)
            {
                Assert.Equal([WeChatPushEvents.OrderPay, WeChatPushEvents.OrderNew], events);
            }
        }
    }

    [Fact]
    public async Task Verify_endpoint_makes_the_echostr_handshake_and_a_forged_one_is_refused()
    {
        var genuine = await (await sim.Http.PostAsJsonAsync(sim.Url("wechat/_sim/verify"), new { webhookUrl = receiver.Url.ToString() }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var forged = await (await sim.Http.PostAsJsonAsync(sim.Url("wechat/_sim/verify"), new { webhookUrl = receiver.Url.ToString(), forged = true }))
            .Content.ReadFromJsonAsync<JsonElement>();

        Assert.True(genuine.GetProperty("verified").GetBoolean());
        Assert.Equal(genuine.GetProperty("echoStr").GetString(), genuine.GetProperty("body").GetString());
        Assert.False(forged.GetProperty("verified").GetBoolean());
        Assert.Equal(401, forged.GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task Status_changes_are_stored_and_pushed_as_the_matching_event()
    {
        var cancelled = sim.Store.CreateOrders(1).Single().OrderId;
        var refunded = sim.Store.CreateOrders(1).Single().OrderId;

        (await sim.Http.PostAsJsonAsync(sim.Url($"wechat/_sim/orders/{cancelled}/status"), new { status = 250, webhookUrl = receiver.Url.ToString() })).EnsureSuccessStatusCode();
        (await sim.Http.PostAsJsonAsync(sim.Url($"wechat/_sim/orders/{refunded}/status"), new { status = 200, webhookUrl = receiver.Url.ToString() })).EnsureSuccessStatusCode();
        var bad = await sim.Http.PostAsJsonAsync(sim.Url($"wechat/_sim/orders/{cancelled}/status"), new { status = 42 });

        Assert.Equal(250, sim.Store.Find(cancelled)!.Status);
        Assert.Equal(400, (int)bad.StatusCode);
        Assert.Equal(
            [(cancelled, WeChatPushEvents.OrderCancel), (refunded, WeChatPushEvents.AfterSaleUpdate)],
            receiver.Messages.Select(m => (m.Message.Event.OrderId, m.Message.Event.Event)));
    }

    [Fact]
    public async Task Push_endpoint_can_send_a_forged_push_which_the_receiver_refuses()
    {
        var orderId = sim.Store.CreateOrders(1).Single().OrderId;

        (await sim.Http.PostAsJsonAsync(sim.Url("wechat/_sim/push"), new { orderId, webhookUrl = receiver.Url.ToString(), forged = true })).EnsureSuccessStatusCode();
        (await sim.Http.PostAsJsonAsync(sim.Url("wechat/_sim/push"), new { orderId, webhookUrl = receiver.Url.ToString() })).EnsureSuccessStatusCode();

        Assert.Collection(
            receiver.Arrivals.OrderBy(a => a.Sequence),
            a => Assert.Equal((PushOutcomeKind.Rejected, 401), (a.Outcome.Kind, a.Outcome.RejectStatusCode)),
            a => Assert.Equal(orderId, Assert.Single(a.Outcome.Messages).Event.OrderId));
    }

    [Fact]
    public async Task Invalid_burst_is_a_400_and_unknown_burst_a_404()
    {
        var bad = await sim.Http.PostAsJsonAsync(sim.Url("wechat/_sim/burst"), new { orders = 5, webhookUrl = "nowhere" });
        var missing = await sim.Http.GetAsync(sim.Url("wechat/_sim/burst/burst-999999"));

        Assert.Equal(400, (int)bad.StatusCode);
        Assert.Equal(404, (int)missing.StatusCode);
    }

    [Fact]
    public async Task A_burst_ignores_a_shop_id_since_WeChat_has_none()
    {
        var start = await sim.Http.PostAsJsonAsync(sim.Url("wechat/_sim/burst"), new { orders = 1, shopId = "not-a-number", webhookUrl = receiver.Url.ToString() });

        Assert.Equal(202, (int)start.StatusCode);
    }

    private static List<(int Order, string Event, bool Duplicate, bool Dropped)> Decisions(WeChatBurstResult result) =>
        result.Pushes
            .Select(p => (Order: result.OrderIds.ToList().IndexOf(p.OrderId), p.Event, p.IsDuplicate, p.Dropped))
            .OrderBy(d => d.Order).ThenBy(d => d.Event, StringComparer.Ordinal).ThenBy(d => d.IsDuplicate)
            .ToList();
}
