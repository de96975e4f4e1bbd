using Azure.Storage.Queues;
using Microsoft.Extensions.Logging.Abstractions;
using ServerlessSync.Domain.Platforms;
using ServerlessSync.Pipeline.Intake;
using ServerlessSync.Pipeline.Storage;

namespace ServerlessSync.Pipeline.Tests.Core;

public class InboxStoreTests
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 18, 20, 0, 0, TimeSpan.Zero);

    internal static InboundMessage Message(string orderId, string msgId, string shop = "shop-1") =>
        new(new OrderEvent("douyin", shop, orderId, "doudian_trade_TradePaid", T0, msgId), $"{{\"p_id\":\"{orderId}\",\"msg_id\":\"{msgId}\"}}");

    [Fact]
    public async Task First_insert_is_new_and_a_repeat_is_a_duplicate_not_enqueued_until_marked()
    {
        var inbox = new InboxStore(await CoreStorage.CreateAsync());
        var m = Message("6920000000000000001", "msg-1");

        Assert.Equal(InboxStore.InsertResult.New, await inbox.TryInsertAsync(m, T0, default));
        Assert.Equal(InboxStore.InsertResult.DuplicateNotEnqueued, await inbox.TryInsertAsync(m, T0.AddSeconds(5), default));

        await inbox.MarkEnqueuedAsync(m.Event, default);

        Assert.Equal(InboxStore.InsertResult.DuplicateEnqueued, await inbox.TryInsertAsync(m, T0.AddSeconds(9), default));
        Assert.Equal(1, await inbox.CountAsync("douyin", "shop-1", "6920000000000000001", default));
    }

    [Fact]
    public async Task Different_messages_for_one_order_are_separate_rows_and_keys_are_sanitized()
    {
        var inbox = new InboxStore(await CoreStorage.CreateAsync());

        Assert.Equal(InboxStore.InsertResult.New, await inbox.TryInsertAsync(Message("o/1", "a/b#c?d"), T0, default));
        Assert.Equal(InboxStore.InsertResult.New, await inbox.TryInsertAsync(Message("o/1", "msg-2"), T0, default));
        Assert.Equal(InboxStore.InsertResult.DuplicateNotEnqueued, await inbox.TryInsertAsync(Message("o/1", "a/b#c?d"), T0, default));

        Assert.Equal(2, await inbox.CountAsync("douyin", "shop-1", "o/1", default));
    }
}

public class IntakeServiceTests
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 18, 20, 0, 0, TimeSpan.Zero);

    private static async Task<(IntakeService Service, InboxStore Inbox, QueueClient Queue)> CreateAsync()
    {
        var storage = await CoreStorage.CreateAsync();
        var inbox = new InboxStore(storage);
        var service = new IntakeService(inbox, new IntakeQueue(storage), new ManualClock(T0), NullLogger<IntakeService>.Instance);
        return (service, inbox, await storage.QueueAsync(storage.IntakeQueueName));
    }

    internal static async Task<List<IntakeMessage>> DrainAsync(QueueClient queue)
    {
        var all = new List<IntakeMessage>();
        var peeked = await queue.PeekMessagesAsync(32);
        all.AddRange(peeked.Value.Select(m => IntakeMessage.Parse(m.Body.ToString())));
        return all;
    }

    [Fact]
    public async Task Each_new_message_is_enqueued_once_and_a_redelivered_batch_adds_nothing()
    {
        var (service, _, queue) = await CreateAsync();
        InboundMessage[] batch = [InboxStoreTests.Message("o1", "m1"), InboxStoreTests.Message("o2", "m2"), InboxStoreTests.Message("o3", "m3")];

        Assert.Equal(new IntakeResult(3, 0), await service.AcceptAsync(batch, default));
        var first = await DrainAsync(queue);
        Assert.Equal(["o1", "o2", "o3"], first.Select(m => m.OrderId).Order());
        Assert.All(first, m => Assert.Equal(T0, m.AcceptedAt));

        Assert.Equal(new IntakeResult(0, 3), await service.AcceptAsync(batch, default));
        Assert.Equal(3, (await DrainAsync(queue)).Count);
    }

    [Fact]
    public async Task A_crash_between_inbox_insert_and_enqueue_is_repaired_by_the_redelivery()
    {
        var (service, inbox, queue) = await CreateAsync();
        var message = InboxStoreTests.Message("o-crash", "m-crash");

        // The first delivery recorded the Inbox row and then the worker died before the queue send.
        Assert.Equal(InboxStore.InsertResult.New, await inbox.TryInsertAsync(message, T0, default));
        Assert.Empty(await DrainAsync(queue));

        var result = await service.AcceptAsync([message], default);

        Assert.Equal(new IntakeResult(1, 0), result);
        var queued = Assert.Single(await DrainAsync(queue));
        Assert.Equal(("douyin", "shop-1", "o-crash", "m-crash"), (queued.Platform, queued.ShopId, queued.OrderId, queued.MsgId));
        Assert.Equal(InboxStore.InsertResult.DuplicateEnqueued, await inbox.TryInsertAsync(message, T0, default));
    }

    [Fact]
    public async Task Queue_messages_are_base64_envelopes_without_the_raw_body()
    {
        var (service, _, queue) = await CreateAsync();
        await service.AcceptAsync([InboxStoreTests.Message("o9", "m9")], default);

        var raw = Assert.Single((await queue.PeekMessagesAsync(1)).Value).Body.ToString();
        Assert.DoesNotContain("p_id", raw); // the claim check: the raw push stays in the Inbox
        Assert.Equal("o9", IntakeMessage.Parse(raw).OrderId);
        Assert.Equal(IntakeQueueNames.Intake + "-poison", IntakeQueueNames.Poison(IntakeQueueNames.Intake));
    }
}

public class IntakeMessageTests
{
    [Fact]
    public void Json_round_trip_keeps_every_field_and_ids_as_strings()
    {
        var original = new IntakeMessage("wechat", "shop-9", "3719483120938475639", "ORDER_PAY", new DateTimeOffset(2025, 6, 18, 20, 1, 2, TimeSpan.FromHours(8)), "msg-77", new DateTimeOffset(2025, 6, 18, 12, 1, 3, TimeSpan.Zero));

        var json = original.ToJson();
        var parsed = IntakeMessage.Parse(json);

        Assert.Equal(original, parsed);
        Assert.Equal(original.EventTime.UtcDateTime, parsed.EventTime.UtcDateTime);
        Assert.Contains("\"orderId\":\"3719483120938475639\"", json);
        Assert.Equal("wechat:shop-9:3719483120938475639", parsed.Key.InstanceId);
    }

    [Fact]
    public void The_envelope_carries_exactly_the_documented_fields()
    {
        var json = new IntakeMessage("douyin", "s", "o", "e", DateTimeOffset.UnixEpoch, "m", DateTimeOffset.UnixEpoch).ToJson();

        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var names = doc.RootElement.EnumerateObject().Select(p => p.Name).Order().ToList();
        Assert.Equal(["acceptedAt", "event", "eventTime", "msgId", "orderId", "platform", "shopId"], names);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[1,2,3]")]
    [InlineData("{}")]
    [InlineData("{\"platform\":\"douyin\",\"shopId\":\"s\"}")]
    [InlineData("{\"platform\":\"amazon\",\"shopId\":\"s\",\"orderId\":\"o\",\"event\":\"e\",\"eventTime\":\"2025-06-18T00:00:00Z\",\"msgId\":\"m\",\"acceptedAt\":\"2025-06-18T00:00:00Z\"}")]
    [InlineData("{\"platform\":\"douyin\",\"shopId\":\"s\",\"orderId\":\"o\",\"eventTime\":\"yesterday\"}")]
    public void Parse_rejects_garbage_and_unknown_platforms_with_FormatException(string text)
    {
        Assert.Throws<FormatException>(() => IntakeMessage.Parse(text));
    }
}
