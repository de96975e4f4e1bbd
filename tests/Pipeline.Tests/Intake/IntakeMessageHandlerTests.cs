using static ServerlessSync.Pipeline.Tests.Intake.IntakeTestKit;

namespace ServerlessSync.Pipeline.Tests.Intake;

/// <summary>The intake consumer both hosts share, on messages the real committer wrote to Azurite; the Durable engine is in memory.</summary>
public sealed class IntakeMessageHandlerTests
{
    private static InboundMessage Event(string orderId, string msgId, string @event, int secondsAfterT0) =>
        new(new OrderEvent("douyin", "shop-1", orderId, @event, T0.AddSeconds(secondsAfterT0), msgId), $"{{\"p_id\":\"{orderId}\",\"msg_id\":\"{msgId}\"}}");

    [Fact]
    public async Task Every_event_of_a_batch_is_recorded_once_and_its_orders_go_into_one_batch_run_once_for_all_their_events()
    {
        var storage = await CoreStorage.CreateAsync();
        var orders = Enumerable.Range(1, 5).Select(i => $"69200000000000000{i:00}").ToList();
        var pushes = orders.SelectMany(id => new[] { Event(id, $"created-{id}", "doudian_trade_TradeCreate", 0), Event(id, $"paid-{id}", "doudian_trade_TradePaid", 3) }).ToList();
        await Committer(storage).CommitAsync(pushes, CancellationToken.None);
        var (handler, gateway) = Consumer(storage);

        var handled = Assert.Single(await ConsumeAllAsync(storage, handler));

        Assert.Equal(new IntakeHandled(Events: 10, Duplicates: 0, Started: 5, RequeuedBusy: 0, AlreadyCovered: 0), handled);
        var run = Assert.Single(gateway.StartedBatches).Input;
        Assert.Empty(gateway.Started);
        Assert.Equal(orders.Select(id => $"douyin:shop-1:{id}").Order(), run.Events.Select(e => e.Key.InstanceId).Order());
        Assert.All(run.Events, e => Assert.Equal(("doudian_trade_TradePaid", "paid-" + e.OrderId), (e.Event, e.MsgId)));
        var inbox = Inbox(storage);
        foreach (var push in pushes)
        {
            Assert.Equal(push.RawMessage, await inbox.GetRawMessageAsync("douyin", "shop-1", push.Event.OrderId, push.Event.MsgId, CancellationToken.None));
        }

        foreach (var id in orders)
        {
            Assert.Equal(2, await inbox.CountAsync("douyin", "shop-1", id, CancellationToken.None));
        }

        Assert.Empty(await PeekTextsAsync(storage));
    }

    [Fact]
    public async Task A_body_carried_in_the_message_and_a_body_left_in_the_blob_are_both_kept_for_the_inbox()
    {
        var storage = await CoreStorage.CreateAsync();
        var inline = Event("o-1", "m-1", "doudian_trade_TradePaid", 0);
        var inBlob = Event("o-2", "m-2", "doudian_trade_TradePaid", 0) with { RawMessage = "{\"p_id\":\"o-2\",\"pad\":\"" + new string('x', IntakeBatch.MaxInlineBodyChars) + "\"}" };
        var committer = Committer(storage);
        await committer.CommitAsync([inline], CancellationToken.None);
        await committer.CommitAsync([inBlob], CancellationToken.None);
        var (handler, gateway) = Consumer(storage);

        await ConsumeAllAsync(storage, handler);

        Assert.Equal(2, gateway.StartedOrders.Count);
        Assert.Single(await BodyBlobsAsync(storage));
        var inbox = Inbox(storage);
        Assert.Equal(inline.RawMessage, await inbox.GetRawMessageAsync("douyin", "shop-1", "o-1", "m-1", CancellationToken.None));
        Assert.Equal(inBlob.RawMessage, await inbox.GetRawMessageAsync("douyin", "shop-1", "o-2", "m-2", CancellationToken.None));
    }

    [Fact]
    public async Task A_push_delivered_again_in_another_batch_is_skipped_and_the_rest_of_that_batch_is_started()
    {
        var storage = await CoreStorage.CreateAsync();
        var committer = Committer(storage);
        var again = Event("o-1", "m-1", "doudian_trade_TradePaid", 0);
        await committer.CommitAsync([again], CancellationToken.None);
        await committer.CommitAsync([again, Event("o-2", "m-2", "doudian_trade_TradePaid", 0)], CancellationToken.None);
        var (handler, gateway) = Consumer(storage);

        var handled = await ConsumeAllAsync(storage, handler);

        Assert.Equal(
            [new IntakeHandled(1, 0, 1, 0, 0), new IntakeHandled(2, 1, 1, 0, 0)],
            handled.OrderBy(h => h.Events));
        Assert.Equal(["douyin:shop-1:o-1", "douyin:shop-1:o-2"], gateway.StartedOrders.Order());
        Assert.Equal(1, await Inbox(storage).CountAsync("douyin", "shop-1", "o-1", CancellationToken.None));
    }

    [Fact]
    public async Task After_a_failure_midway_the_redelivered_message_loses_nothing_and_starts_nothing_twice()
    {
        var storage = await CoreStorage.CreateAsync();
        var orders = Enumerable.Range(1, 6).Select(i => $"o-{i}").ToList();
        await Committer(storage).CommitAsync(orders.Select(id => Event(id, "m-" + id, "doudian_trade_TradePaid", 0)).ToList(), CancellationToken.None);
        var text = Assert.Single(await ReceiveAllAsync(storage));
        var (handler, gateway) = Consumer(storage);
        var run = SyncBatchStarter.InstanceIdOf(IntakeDelivery.Parse(text).Batch!.Id);
        gateway.FailingInstances.Add(run);

        // Every order is recorded in the Inbox, then the start of the batch run fails: the message stays to be retried.
        await Assert.ThrowsAsync<InvalidOperationException>(() => handler.HandleAsync(text, CancellationToken.None));

        Assert.Empty(gateway.StartedOrders);
        gateway.FailingInstances.Clear();
        var redelivered = await handler.HandleAsync(text, CancellationToken.None);
        var deliveredOnceMore = await handler.HandleAsync(text, CancellationToken.None);

        // The retry starts the run for all six (their Inbox rows are this message's own, not duplicates); a delivery after
        // that finds the run and starts nothing.
        Assert.Equal(new IntakeHandled(6, 0, Started: 6, RequeuedBusy: 0, AlreadyCovered: 0), redelivered);
        Assert.Equal(new IntakeHandled(6, 0, Started: 0, RequeuedBusy: 0, AlreadyCovered: 6), deliveredOnceMore);
        Assert.Equal(run, Assert.Single(gateway.StartedBatches).InstanceId);
        Assert.Equal(orders.Select(id => "douyin:shop-1:" + id).Order(), gateway.StartedOrders.Order());
        var inbox = Inbox(storage);
        foreach (var id in orders)
        {
            Assert.Equal(1, await inbox.CountAsync("douyin", "shop-1", id, CancellationToken.None));
        }
    }

    [Fact]
    public async Task A_single_envelope_is_started_as_it_is_without_an_inbox_row()
    {
        var storage = await CoreStorage.CreateAsync();
        var (handler, gateway) = Consumer(storage);
        var legacy = new IntakeMessage("douyin", "shop-1", "o-legacy", "doudian_trade_TradePaid", T0, "m-legacy", T0);

        var handled = await handler.HandleAsync(legacy.ToJson(), CancellationToken.None);

        Assert.Equal(new IntakeHandled(1, 0, 1, 0, 0), handled);
        Assert.Equal(new SyncOrderInput(legacy.Key, legacy.Event, legacy.MsgId, SyncRetryPlan.Defaults), Assert.Single(gateway.Started).Input);
        Assert.Equal(0, await Inbox(storage).CountAsync("douyin", "shop-1", "o-legacy", CancellationToken.None));
    }

    [Fact]
    public async Task A_release_in_a_batch_is_the_event_its_order_is_started_with_even_if_a_later_push_joined_it()
    {
        var storage = await CoreStorage.CreateAsync();
        await Committer(storage).CommitAsync(
            [Event("o-held", "m-release", SyncEvents.Release, 0), Event("o-held", "m-paid", "doudian_trade_TradePaid", 5)],
            CancellationToken.None);
        var (handler, gateway) = Consumer(storage);

        await ConsumeAllAsync(storage, handler);

        Assert.Equal(SyncEvents.Release, Assert.Single(gateway.Started).Input.Event);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("{\"platform\":\"ebay\",\"shopId\":\"s\",\"orderId\":\"o\"}")]
    [InlineData("{\"id\":\"b-1\",\"acceptedAt\":\"2025-06-18T00:00:00Z\",\"events\":[]}")]
    public async Task A_malformed_message_throws_so_the_queue_retries_and_poisons_it(string text)
    {
        var storage = await CoreStorage.CreateAsync();
        var (handler, gateway) = Consumer(storage);

        await Assert.ThrowsAsync<FormatException>(() => handler.HandleAsync(text, CancellationToken.None));

        Assert.Empty(gateway.Started);
        Assert.Empty(await PeekTextsAsync(storage));
    }
}
