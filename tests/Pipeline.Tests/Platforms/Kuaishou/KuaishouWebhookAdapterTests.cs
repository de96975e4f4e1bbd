namespace ServerlessSync.Pipeline.Tests.Platforms.Kuaishou;

public sealed class KuaishouWebhookAdapterTests
{
    private static readonly KuaishouSimulatorOptions Sim = new();

    private static KuaishouWebhookAdapter Adapter(string? messageKey = null) => new(Options.Create(new KuaishouOptions
    {
        AppKey = Sim.AppKey,
        MessageKey = messageKey ?? Sim.MessageKey,
    }));

    private static WebhookRequest Post(byte[] body) => new("POST", new Dictionary<string, string>(), new Dictionary<string, string>(), body, BodyTooLarge: false);

    private static KuaishouSimOrder NewOrder() => new KuaishouOrderStore(Sim, TimeProvider.System).CreateOrders(1).Single();

    [Fact]
    public void A_simulator_push_is_decrypted_into_an_order_event_and_acked_with_result_1()
    {
        var order = NewOrder();
        var push = KuaishouPushBuilder.Build(Sim, order, KuaishouPushEvents.OrderPaid, "m-9", "e-9");
        var adapter = Adapter();

        var outcome = adapter.Interpret(Post(push.Body), DateTimeOffset.UtcNow);

        var message = Assert.Single(outcome.Messages);
        Assert.Equal(
            new OrderEvent("kuaishou", order.SellerId, order.Oid, "trade.paid", DateTimeOffset.FromUnixTimeMilliseconds(order.UpdateTime), "m-9"),
            message.Event);
        Assert.Equal(push.Plaintext, message.RawMessage);
        Assert.Null(adapter.Handshake(Post([])));
        Assert.Equal(new HttpReply(200, """{"result":1}""", "application/json"), adapter.Ack());
    }

    [Fact]
    public void Heartbeat_is_a_test_and_a_forged_push_is_refused()
    {
        var adapter = Adapter();
        var forged = KuaishouPushBuilder.Forge(KuaishouPushBuilder.Build(Sim, NewOrder(), KuaishouPushEvents.OrderPaid, "m-1", "e-1"));

        Assert.Equal(PushOutcomeKind.Test, adapter.Interpret(Post(KuaishouPushBuilder.Heartbeat(Sim, "m-0", "e-0").Body), DateTimeOffset.UtcNow).Kind);
        Assert.Equal(401, adapter.Interpret(Post(forged.Body), DateTimeOffset.UtcNow).RejectStatusCode);
    }

    [Fact]
    public void A_missing_message_key_is_a_configuration_fault_not_the_senders()
    {
        var push = KuaishouPushBuilder.Build(Sim, NewOrder(), KuaishouPushEvents.OrderPaid, "m-1", "e-1");

        Assert.Throws<InvalidOperationException>(() => Adapter(messageKey: "").Interpret(Post(push.Body), DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task The_webhook_handler_records_each_push_once_and_answers_in_kuaishous_format()
    {
        var storage = await CoreStorage.CreateAsync();
        var handler = IntakeTestKit.Webhook(storage, [Adapter()], IntakeTestKit.Committer(storage));
        var order = NewOrder();
        var added = KuaishouPushBuilder.Build(Sim, order, KuaishouPushEvents.OrderAdded, "m-1", "e-1");
        var paid = KuaishouPushBuilder.Build(Sim, order, KuaishouPushEvents.OrderPaid, "m-2", "e-2");

        var replies = new List<HttpReply>();
        foreach (var push in new[] { added, paid, paid })
        {
            replies.Add(await handler.HandleAsync("kuaishou", Post(push.Body), CancellationToken.None));
        }

        var forged = await handler.HandleAsync("kuaishou", Post(KuaishouPushBuilder.Forge(paid).Body), CancellationToken.None);

        Assert.All(replies, r => Assert.Equal((200, """{"result":1}"""), (r.StatusCode, r.Body)));
        Assert.Equal(401, forged.StatusCode);
        QueueClient queue = await storage.QueueAsync(storage.IntakeQueueName);
        var queued = await IntakeTestKit.PeekEventsAsync(queue);
        Assert.Equal(["trade.created", "trade.paid", "trade.paid"], queued.Select(m => m.Event).Order(StringComparer.Ordinal));
        Assert.All(queued, m => Assert.Equal(("kuaishou", order.SellerId, order.Oid), (m.Platform, m.ShopId, m.OrderId)));

        // The consumer records each platform message once: the repeated paid push is a duplicate.
        var (consumer, _) = IntakeTestKit.Consumer(storage);
        var handled = await IntakeTestKit.ConsumeAllAsync(storage, consumer);
        Assert.Equal(1, handled.Sum(h => h.Duplicates));
        Assert.Equal(2, await IntakeTestKit.Inbox(storage).CountAsync("kuaishou", order.SellerId, order.Oid, CancellationToken.None));
    }
}
