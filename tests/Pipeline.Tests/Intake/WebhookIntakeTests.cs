using static ServerlessSync.Pipeline.Tests.Intake.IntakeTestKit;

namespace ServerlessSync.Pipeline.Tests.Intake;

/// <summary>Signed 快手 pushes through the real webhook handler, group committer and consumer on Azurite.</summary>
public sealed class WebhookIntakeTests
{
    private static readonly KuaishouSimulatorOptions Sim = new();

    private static WebhookHandler Handler(StorageClients storage, IntakeCommitter committer, EnqueuedOrderVersions? enqueued = null) =>
        Webhook(storage, [new KuaishouWebhookAdapter(Options.Create(new KuaishouOptions { AppKey = Sim.AppKey, MessageKey = Sim.MessageKey }))], committer, enqueued);

    private static WebhookRequest Post(KuaishouPush push) => new("POST", new Dictionary<string, string>(), new Dictionary<string, string>(), push.Body, BodyTooLarge: false);

    private static List<KuaishouSimOrder> NewOrders(int count) => new KuaishouOrderStore(Sim, TimeProvider.System).CreateOrders(count).ToList();

    [Fact]
    public async Task Concurrent_pushes_and_redeliveries_are_all_acked_and_the_consumer_records_each_push_once_and_runs_every_order()
    {
        var storage = await CoreStorage.CreateAsync();
        var handler = Handler(storage, Committer(storage));
        var orders = NewOrders(20);
        var pushes = orders.SelectMany(o => new[]
        {
            KuaishouPushBuilder.Build(Sim, o, KuaishouPushEvents.OrderAdded, "added-" + o.Oid, "e-a-" + o.Oid),
            KuaishouPushBuilder.Build(Sim, o, KuaishouPushEvents.OrderPaid, "paid-" + o.Oid, "e-p-" + o.Oid),
        }).ToList();
        var redelivered = pushes.Where((_, i) => i % 4 == 1).ToList();

        var replies = await Task.WhenAll(pushes.Concat(redelivered).Select(p => Task.Run(() => handler.HandleAsync("kuaishou", Post(p), CancellationToken.None))));

        Assert.All(replies, r => Assert.Equal((200, """{"result":1}"""), (r.StatusCode, r.Body)));
        var (consumer, gateway) = Consumer(storage);
        var handled = await ConsumeAllAsync(storage, consumer);
        var queuedEvents = pushes.Count + redelivered.Count;
        var droppedInsideABatch = queuedEvents - handled.Sum(h => h.Events);
        Assert.Equal(redelivered.Count, droppedInsideABatch + handled.Sum(h => h.Duplicates));
        // An order whose two pushes were committed in different messages is in both messages' runs (its lease lets one
        // write it at a time); no run holds an order twice.
        Assert.Equal(orders.Select(o => $"kuaishou:{o.SellerId}:{o.Oid}").Order(), gateway.StartedOrders.Distinct().Order());
        Assert.All(gateway.StartedBatches, b => Assert.Equal(b.Input.Events.Count, b.Input.Events.Select(e => e.Key).Distinct().Count()));
        var inbox = Inbox(storage);
        foreach (var order in orders)
        {
            Assert.Equal(2, await inbox.CountAsync("kuaishou", order.SellerId, order.Oid, CancellationToken.None));
        }
    }

    [Fact]
    public async Task An_order_version_a_push_made_durable_is_known_to_the_pull_and_a_forged_push_is_not()
    {
        var storage = await CoreStorage.CreateAsync();
        var enqueued = new EnqueuedOrderVersions();
        var handler = Handler(storage, Committer(storage), enqueued);
        var orders = NewOrders(2);
        var (accepted, forged) = (orders[0], orders[1]);

        Assert.Equal(200, (await handler.HandleAsync("kuaishou", Post(KuaishouPushBuilder.Build(Sim, accepted, KuaishouPushEvents.OrderPaid, "m-1", "e-1")), CancellationToken.None)).StatusCode);
        Assert.Equal(401, (await handler.HandleAsync("kuaishou", Post(KuaishouPushBuilder.Forge(KuaishouPushBuilder.Build(Sim, forged, KuaishouPushEvents.OrderPaid, "m-2", "e-2"))), CancellationToken.None)).StatusCode);

        Assert.True(enqueued.AlreadyEnqueued("kuaishou", accepted.SellerId, accepted.Oid, DateTimeOffset.UnixEpoch));
        Assert.False(enqueued.AlreadyEnqueued("kuaishou", forged.SellerId, forged.Oid, DateTimeOffset.UnixEpoch));
        Assert.False(enqueued.AlreadyEnqueued("kuaishou", accepted.SellerId, accepted.Oid, DateTimeOffset.UtcNow.AddDays(1))); // a newer version is still pulled
    }

    [Fact]
    public async Task A_push_for_a_version_the_pull_already_made_durable_is_acked_without_a_second_message()
    {
        var storage = await CoreStorage.CreateAsync();
        var enqueued = new EnqueuedOrderVersions();
        var handler = Handler(storage, Committer(storage), enqueued);
        var orders = NewOrders(2);
        var (pulled, pushedOnly) = (orders[0], orders[1]);
        enqueued.Remember("kuaishou", pulled.SellerId, pulled.Oid, DateTimeOffset.UtcNow.AddMinutes(1)); // the pull listed a newer version

        Assert.Equal(200, (await handler.HandleAsync("kuaishou", Post(KuaishouPushBuilder.Build(Sim, pulled, KuaishouPushEvents.OrderPaid, "m-1", "e-1")), CancellationToken.None)).StatusCode);
        Assert.Equal(200, (await handler.HandleAsync("kuaishou", Post(KuaishouPushBuilder.Build(Sim, pushedOnly, KuaishouPushEvents.OrderPaid, "m-2", "e-2")), CancellationToken.None)).StatusCode);

        var delivery = IntakeDelivery.Parse(Assert.Single(await PeekTextsAsync(storage)));
        Assert.Equal("m-2", Assert.Single(delivery.Events).MsgId);

        // A push delivered again still reaches the queue: only the pull's versions are skipped, the Inbox dedupes the rest.
        Assert.Equal(200, (await handler.HandleAsync("kuaishou", Post(KuaishouPushBuilder.Build(Sim, pushedOnly, KuaishouPushEvents.OrderPaid, "m-2", "e-2")), CancellationToken.None)).StatusCode);
        Assert.Equal(2, (await PeekTextsAsync(storage)).Count);
    }

    [Fact]
    public async Task A_push_that_could_not_be_recorded_is_answered_503_and_its_retry_is_recorded()
    {
        var storage = await CoreStorage.CreateAsync();
        var writer = new ControlledWriter(Writer(storage)) { FailBatchesWith = "m-unlucky" };
        var handler = Handler(storage, Committer(storage, writer: writer));
        var push = KuaishouPushBuilder.Build(Sim, NewOrders(1)[0], KuaishouPushEvents.OrderPaid, "m-unlucky", "e-1");

        var refused = await handler.HandleAsync("kuaishou", Post(push), CancellationToken.None);

        Assert.Equal(503, refused.StatusCode);
        Assert.Empty(await PeekTextsAsync(storage));
        Assert.Empty(await BodyBlobsAsync(storage));

        writer.FailBatchesWith = null;
        var retried = await handler.HandleAsync("kuaishou", Post(push), CancellationToken.None);

        Assert.Equal(200, retried.StatusCode);
        var delivery = IntakeDelivery.Parse(Assert.Single(await PeekTextsAsync(storage)));
        Assert.Equal("m-unlucky", Assert.Single(delivery.Events).MsgId);
        Assert.Equal([push.Plaintext], delivery.Batch!.Bodies);
    }

    [Fact]
    public async Task While_storage_stalls_pushes_past_the_waiting_bound_get_a_fast_503_and_nothing_of_them_is_stored()
    {
        var storage = await CoreStorage.CreateAsync();
        var writer = new ControlledWriter(Writer(storage), holdFirst: true);
        var handler = Handler(storage, Committer(storage, writer: writer, options: new IntakeOptions { MaxWaitingEvents = 2 }));
        var pushes = NewOrders(4).Select((o, i) => KuaishouPushBuilder.Build(Sim, o, KuaishouPushEvents.OrderPaid, $"m-{i}", $"e-{i}")).ToList();

        var inFlight = handler.HandleAsync("kuaishou", Post(pushes[0]), CancellationToken.None);
        await writer.FirstArrived;
        var waiting = pushes.Skip(1).Take(2).Select(p => handler.HandleAsync("kuaishou", Post(p), CancellationToken.None)).ToList();
        var refused = await handler.HandleAsync("kuaishou", Post(pushes[3]), CancellationToken.None);

        Assert.Equal(503, refused.StatusCode);
        Assert.False(inFlight.IsCompleted);
        writer.Release();
        Assert.All(await Task.WhenAll(waiting.Prepend(inFlight)), r => Assert.Equal(200, r.StatusCode));
        var stored = (await PeekTextsAsync(storage)).SelectMany(t => IntakeDelivery.Parse(t).Events).Select(e => e.MsgId).Order();
        Assert.Equal(["m-0", "m-1", "m-2"], stored);
    }
}
