namespace ServerlessSync.Simulators.Tests.Kuaishou;

public sealed class KuaishouBurstPlayerTests : IAsyncLifetime
{
    private readonly KuaishouSimulatorOptions options = new();
    private readonly HttpClient http = new();
    private WebhookReceiver receiver = null!;

    public async Task InitializeAsync() => receiver = await KuaishouWebhookReceiver.StartAsync(options.AppKey, options.MessageKey);

    public async Task DisposeAsync()
    {
        await receiver.DisposeAsync();
        http.Dispose();
    }

    private KuaishouBurstPlayer NewPlayer(KuaishouOrderStore? store = null) =>
        new(store ?? new KuaishouOrderStore(options, TimeProvider.System), new KuaishouPushSender(http), options);

    [Fact]
    public async Task Every_order_gets_an_encrypted_added_and_paid_push_the_adapter_accepts()
    {
        var store = new KuaishouOrderStore(options, TimeProvider.System);
        var result = await NewPlayer(store).PlayAsync(
            new KuaishouBurstPlan { Orders = 25, RatePerSecond = 500, WebhookUrl = receiver.Url.ToString(), Seed = 1 }, CancellationToken.None);

        Assert.Equal((25, 50, 50, 0), (result.Created, result.Sent, result.Acked, result.Failed));
        Assert.All(receiver.Arrivals, a => Assert.Equal(PushOutcomeKind.Orders, a.Outcome.Kind));
        foreach (var orderId in result.OrderIds)
        {
            var events = receiver.Messages.Where(m => m.Message.Event.OrderId == orderId).Select(m => m.Message.Event).ToList();
            Assert.Equal(["trade.created", "trade.paid"], events.Select(e => e.Event));
            Assert.All(events, e => Assert.Equal(("kuaishou", options.SellerId), (e.Platform, e.ShopId)));
            Assert.NotNull(store.Find(orderId));
        }

        Assert.All(receiver.Arrivals, a => Assert.DoesNotContain((byte)'{', a.Body));
    }

    [Fact]
    public async Task Duplicates_out_of_order_and_drops_follow_the_seed_and_reach_the_webhook_as_decided()
    {
        var plan = new KuaishouBurstPlan
        {
            Orders = 80,
            RatePerSecond = 5000,
            DuplicateRate = 0.3,
            OutOfOrderRate = 0.3,
            DropRate = 0.2,
            WebhookUrl = receiver.Url.ToString(),
            Seed = 42,
            MaxConcurrency = 8,
        };

        var first = await NewPlayer().PlayAsync(plan, CancellationToken.None);
        var arrivals = receiver.Messages;
        var second = await NewPlayer().PlayAsync(plan, CancellationToken.None);

        Assert.Equal(Decisions(first), Decisions(second));
        Assert.InRange(first.Dropped, 15, 50);
        Assert.InRange(first.Duplicates, 15, 60);
        Assert.InRange(first.OutOfOrderIds.Count, 10, 40);
        Assert.Equal(first.Sent, first.Acked);

        BurstArrivals.AssertArrivedAsDecided(first, arrivals, p => p.MsgId);
    }

    [Fact]
    public async Task Heartbeat_is_acknowledged_and_forged_or_garbage_bodies_are_refused()
    {
        var store = new KuaishouOrderStore(options, TimeProvider.System);
        var order = store.CreateOrders(1).Single();
        var genuine = KuaishouPushBuilder.Build(options, order, KuaishouPushEvents.OrderPaid, "m-1", "e-1");
        var sender = new KuaishouPushSender(http);

        var heartbeat = await sender.SendAsync(receiver.Url, KuaishouPushBuilder.Heartbeat(options, "m-0", "e-0"), CancellationToken.None);
        var forged = await sender.SendAsync(receiver.Url, KuaishouPushBuilder.Forge(genuine), CancellationToken.None);
        var garbage = await sender.SendAsync(receiver.Url, KuaishouPushBuilder.Garbage(genuine), CancellationToken.None);
        var real = await sender.SendAsync(receiver.Url, genuine, CancellationToken.None);

        Assert.Equal((200, true), (heartbeat.StatusCode, heartbeat.Acked));
        Assert.Equal((401, false), (forged.StatusCode, forged.Acked));
        Assert.Equal((401, false), (garbage.StatusCode, garbage.Acked));
        Assert.Equal((200, true), (real.StatusCode, real.Acked));
        Assert.Equal(PushOutcomeKind.Test, receiver.Arrivals.First().Outcome.Kind);
        Assert.Equal(order.Oid, Assert.Single(receiver.Messages).Message.Event.OrderId);
    }

    [Fact]
    public async Task Unreachable_webhook_is_recorded_as_failed_not_thrown()
    {
        var result = await NewPlayer().PlayAsync(
            new KuaishouBurstPlan { Orders = 2, RatePerSecond = 100, WebhookUrl = "http://127.0.0.1:9/webhook" }, CancellationToken.None);

        Assert.Equal(4, result.Failed);
        Assert.All(result.Pushes, p => Assert.Equal(0, p.StatusCode));
    }

    [Theory]
    [InlineData(0, 10, 0.0, "http://127.0.0.1/x", null)]
    [InlineData(10, 0, 0.0, "http://127.0.0.1/x", null)]
    [InlineData(10, 10, 1.5, "http://127.0.0.1/x", null)]
    [InlineData(10, 10, 0.0, "not-a-url", null)]
    [InlineData(10, 10, 0.0, "http://127.0.0.1/x", "shop-a")]
    public async Task Invalid_plans_are_refused(int orders, double rate, double dropRate, string url, string? shopId)
    {
        var plan = new KuaishouBurstPlan { Orders = orders, RatePerSecond = rate, DropRate = dropRate, WebhookUrl = url, ShopId = shopId };

        await Assert.ThrowsAsync<ArgumentException>(() => NewPlayer().PlayAsync(plan, CancellationToken.None));
    }

    private static List<(int Order, string Event, bool Duplicate, bool Dropped)> Decisions(KuaishouBurstResult result) =>
        result.Pushes
            .Select(p => (Order: result.OrderIds.ToList().IndexOf(p.OrderId), p.Event, p.IsDuplicate, p.Dropped))
            .OrderBy(d => d.Order).ThenBy(d => d.Event, StringComparer.Ordinal).ThenBy(d => d.IsDuplicate)
            .ToList();
}
