namespace ServerlessSync.Pipeline.Tests.Intake;

/// <summary>The real intake pieces on Azurite, wired as the hosts wire them; only the Durable engine is in memory.</summary>
internal static class IntakeTestKit
{
    public static readonly DateTimeOffset T0 = new(2025, 6, 18, 20, 0, 0, TimeSpan.Zero);

    public static InboundMessage Message(string orderId, string msgId, string @event = "doudian_trade_TradePaid", string shop = "shop-1") =>
        new(new OrderEvent("douyin", shop, orderId, @event, T0, msgId), $"{{\"p_id\":\"{orderId}\",\"msg_id\":\"{msgId}\"}}");

    public static IIntakeBatchWriter Writer(StorageClients storage) =>
        new StorageIntakeBatchWriter(new IntakeBodyStore(storage), new IntakeQueue(storage));

    public static IntakeCommitter Committer(StorageClients storage, TimeProvider? clock = null, IntakeOptions? options = null, IIntakeBatchWriter? writer = null) =>
        new(writer ?? Writer(storage), Options.Create(options ?? new IntakeOptions()), clock ?? TimeProvider.System, NullLogger<IntakeCommitter>.Instance);

    public static InboxStore Inbox(StorageClients storage) => new(storage, new IntakeBodyStore(storage));

    public static AlertService Alerts(StorageClients storage) =>
        new(storage, [], Options.Create(new AlertOptions()), TimeProvider.System, NullLogger<AlertService>.Instance);

    /// <summary>The webhook as the hosts wire it: held pushes (shop not configured yet) go to the real table and alerts.</summary>
    public static WebhookHandler Webhook(StorageClients storage, IReadOnlyList<IWebhookAdapter> adapters, IntakeCommitter committer, EnqueuedOrderVersions? enqueued = null) =>
        new(adapters, committer, Held(storage, adapters, committer), TimeProvider.System, NullLogger<WebhookHandler>.Instance, enqueued: enqueued);

    public static HeldPushes Held(StorageClients storage, IReadOnlyList<IWebhookAdapter> adapters, IntakeCommitter committer) =>
        new(storage, adapters, committer, Alerts(storage), TimeProvider.System, NullLogger<HeldPushes>.Instance);

    public static (IntakeMessageHandler Handler, InMemoryGateway Gateway) Consumer(StorageClients storage, TimeProvider? clock = null, IntakeOptions? options = null)
    {
        var gateway = new InMemoryGateway();
        var settings = Options.Create(options ?? new IntakeOptions { BusyRetryDelaySeconds = 1 });
        var starter = new OrderEventStarter(gateway, new IntakeQueue(storage), settings, SyncRetryPlan.Defaults, NullLogger<OrderEventStarter>.Instance, clock);
        var batches = new SyncBatchStarter(gateway, gateway, SyncRetryPlan.Defaults, NullLogger<SyncBatchStarter>.Instance, clock);
        return (new IntakeMessageHandler(starter, batches, Inbox(storage), settings, NullLogger<IntakeMessageHandler>.Instance), gateway);
    }

    /// <summary>The names of the claim-check blobs intake has written.</summary>
    public static async Task<List<string>> BodyBlobsAsync(StorageClients storage)
    {
        var container = await storage.ContainerAsync(IntakeQueueNames.Bodies(storage.IntakeQueueName));
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        return names;
    }

    /// <summary>The text of every message visible now, in queue order (peek: they stay).</summary>
    public static async Task<List<string>> PeekTextsAsync(StorageClients storage)
    {
        var queue = await storage.QueueAsync(storage.IntakeQueueName);
        return (await queue.PeekMessagesAsync(32)).Value.Select(m => m.Body.ToString()).ToList();
    }

    /// <summary>Every event on the queue now, whether it travels in a batch or alone.</summary>
    public static async Task<List<IntakeMessage>> PeekEventsAsync(QueueClient queue) =>
        (await queue.PeekMessagesAsync(32)).Value.SelectMany(m => IntakeDelivery.Parse(m.Body.ToString()).Events).ToList();

    /// <summary>Takes every visible message off the queue (as a consumer would, for long enough that none comes back during a test).</summary>
    public static async Task<List<string>> ReceiveAllAsync(StorageClients storage)
    {
        var queue = await storage.QueueAsync(storage.IntakeQueueName);
        var texts = new List<string>();
        while ((await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5))).Value is { Length: > 0 } messages)
        {
            texts.AddRange(messages.Select(m => m.Body.ToString()));
        }

        return texts;
    }

    /// <summary>Handles every visible message as the poller does: deleted after it was handled, left for a retry when it failed.</summary>
    public static async Task<List<IntakeHandled>> ConsumeAllAsync(StorageClients storage, IntakeMessageHandler handler)
    {
        var queue = await storage.QueueAsync(storage.IntakeQueueName);
        var handled = new List<IntakeHandled>();
        while ((await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5))).Value is { Length: > 0 } messages)
        {
            foreach (var message in messages)
            {
                handled.Add(await handler.HandleAsync(message.Body.ToString(), CancellationToken.None));
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }

        return handled;
    }
}
