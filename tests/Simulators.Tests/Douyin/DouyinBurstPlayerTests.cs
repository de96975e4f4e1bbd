namespace ServerlessSync.Simulators.Tests.Douyin;

public sealed class DouyinBurstPlayerTests : IAsyncLifetime
{
    private readonly DouyinSimulatorOptions options = new();
    private readonly HttpClient http = new();
    private WebhookReceiver receiver = null!;

    public async Task InitializeAsync() => receiver = await DouyinWebhookReceiver.StartAsync(options.AppKey, options.AppSecret);

    public async Task DisposeAsync()
    {
        await receiver.DisposeAsync();
        http.Dispose();
    }

    private DouyinBurstPlayer NewPlayer(DouyinOrderStore? store = null) =>
        new(store ?? new DouyinOrderStore(options, TimeProvider.System), new DouyinPushSender(http), options);

    [Fact]
    public async Task Every_order_gets_a_signed_created_and_paid_push_the_verifier_accepts()
    {
        var store = new DouyinOrderStore(options, TimeProvider.System);
        var result = await NewPlayer(store).PlayAsync(
            new DouyinBurstPlan { Orders = 25, RatePerSecond = 500, WebhookUrl = receiver.Url.ToString(), Seed = 1 }, CancellationToken.None);

        Assert.Equal(25, result.Created);
        Assert.Equal(50, result.Sent);
        Assert.Equal(50, result.Acked);
        Assert.Equal(0, result.Failed);
        Assert.All(receiver.Arrivals, a => Assert.Equal(PushOutcomeKind.Orders, a.Outcome.Kind));
        foreach (var orderId in result.OrderIds)
        {
            var events = receiver.Messages.Where(m => m.Message.Event.OrderId == orderId).Select(m => m.Message.Event.Event).ToList();
            Assert.Equal(["trade.created", "trade.paid"], events);
            Assert.NotNull(store.Find(orderId));
        }

        Assert.All(result.LatenciesMs, l => Assert.True(l > 0));
    }

    [Fact]
    public async Task Orders_start_at_the_planned_rate()
    {
        var stopwatch = Stopwatch.StartNew();
        var result = await NewPlayer().PlayAsync(
            new DouyinBurstPlan { Orders = 21, RatePerSecond = 40, WebhookUrl = receiver.Url.ToString() }, CancellationToken.None);

        // 21 orders at 40/s: the last starts 0.5 s after the first.
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(480), $"took {stopwatch.Elapsed}");
        Assert.Equal(42, result.Acked);
    }

    [Fact]
    public async Task Duplicates_out_of_order_and_drops_follow_the_seed_and_reach_the_webhook_as_decided()
    {
        var plan = new DouyinBurstPlan
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
        Assert.Equal(first.OutOfOrderIds.Select(id => IndexOf(first, id)).Order(), second.OutOfOrderIds.Select(id => IndexOf(second, id)).Order());
        Assert.InRange(first.Dropped, 15, 50);
        Assert.InRange(first.Duplicates, 15, 60);
        Assert.InRange(first.OutOfOrderIds.Count, 10, 40);
        Assert.Equal(first.Sent, first.Acked);

        BurstArrivals.AssertArrivedAsDecided(first, arrivals, p => p.MsgId);
    }

    [Fact]
    public async Task A_forged_push_is_refused_by_the_verifier()
    {
        var store = new DouyinOrderStore(options, TimeProvider.System);
        var order = store.CreateOrders(1).Single();
        var genuine = DouyinPushBuilder.Build(options.AppKey, options.AppSecret, order, DouyinPushTags.TradePaid, "m-1");
        var sender = new DouyinPushSender(http);

        var forged = await sender.SendAsync(receiver.Url, DouyinPushBuilder.Forge(genuine), CancellationToken.None);
        var real = await sender.SendAsync(receiver.Url, genuine, CancellationToken.None);

        Assert.Equal((401, false), (forged.StatusCode, forged.Acked));
        Assert.Equal((200, true), (real.StatusCode, real.Acked));
    }

    [Fact]
    public async Task Unreachable_webhook_is_recorded_as_failed_not_thrown()
    {
        var closed = new Uri("http://127.0.0.1:9/webhook");

        var result = await NewPlayer().PlayAsync(
            new DouyinBurstPlan { Orders = 2, RatePerSecond = 100, WebhookUrl = closed.ToString() }, CancellationToken.None);

        Assert.Equal(4, result.Failed);
        Assert.All(result.Pushes, p => Assert.Equal(0, p.StatusCode));
    }

    [Theory]
    [InlineData(0, 10, 0.0, "http://127.0.0.1/x")]
    [InlineData(10, 0, 0.0, "http://127.0.0.1/x")]
    [InlineData(10, 10, 1.5, "http://127.0.0.1/x")]
    [InlineData(10, 10, 0.0, "not-a-url")]
    public async Task Invalid_plans_are_refused(int orders, double rate, double dropRate, string url)
    {
        var plan = new DouyinBurstPlan { Orders = orders, RatePerSecond = rate, DropRate = dropRate, WebhookUrl = url };

        await Assert.ThrowsAsync<ArgumentException>(() => NewPlayer().PlayAsync(plan, CancellationToken.None));
    }

    private static List<(int Order, string Tag, bool Duplicate, bool Dropped)> Decisions(DouyinBurstResult result) =>
        result.Pushes
            .Select(p => (Order: IndexOf(result, p.OrderId), p.Tag, p.IsDuplicate, p.Dropped))
            .OrderBy(d => d.Order).ThenBy(d => d.Tag, StringComparer.Ordinal).ThenBy(d => d.IsDuplicate)
            .ToList();

    private static int IndexOf(DouyinBurstResult result, string orderId) => result.OrderIds.ToList().IndexOf(orderId);
}
