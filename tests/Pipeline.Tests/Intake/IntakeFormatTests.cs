namespace ServerlessSync.Pipeline.Tests.Intake;

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
    public void The_single_envelope_carries_exactly_the_documented_fields()
    {
        var json = new IntakeMessage("douyin", "s", "o", "e", DateTimeOffset.UnixEpoch, "m", DateTimeOffset.UnixEpoch).ToJson();

        using var doc = JsonDocument.Parse(json);
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
        Assert.Throws<FormatException>(() => IntakeDelivery.Parse(text));
    }
}

public class IntakeBatchFormatTests
{
    private static readonly DateTimeOffset At = new(2025, 6, 18, 20, 0, 0, 123, TimeSpan.Zero);

    private static IntakeBatch Batch(params OrderEvent[] events) => new(IntakeBatch.NewId(At), At, events);

    [Fact]
    public void A_batch_message_without_bodies_carries_the_envelopes_only_and_every_event_gets_the_batch_acceptance_time()
    {
        var paid = new OrderEvent("kuaishou", "777", "2417000000000000001", "trade.paid", At.AddSeconds(-3), "m-2");
        var batch = Batch(new OrderEvent("douyin", "100", "6920000000000000001", "doudian_trade_TradeCreate", At.AddSeconds(-5), "m-1"), paid);

        var json = batch.ToJson();
        var delivery = IntakeDelivery.Parse(json);

        using var doc = JsonDocument.Parse(json);
        Assert.Equal(["acceptedAt", "events", "id"], doc.RootElement.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(["event", "eventTime", "msgId", "orderId", "platform", "shopId"], doc.RootElement.GetProperty("events")[0].EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(batch.Id, delivery.Batch!.Id);
        Assert.Equal(batch.Events, delivery.Batch.Events);
        Assert.Equal(IntakeMessage.From(paid, At), delivery.Events[1]);
        Assert.StartsWith("20250618T200000123Z-", batch.Id);
        Assert.Equal(batch.Id + ".json", batch.BodiesBlobName);
    }

    [Fact]
    public void A_batch_that_carries_its_bodies_round_trips_them_in_the_order_of_the_events()
    {
        var events = new[] { new OrderEvent("douyin", "100", "6920000000000000001", "doudian_trade_TradePaid", At, "m-1"), new OrderEvent("douyin", "100", "6920000000000000002", "doudian_trade_TradePaid", At, "m-2") };
        var batch = new IntakeBatch(IntakeBatch.NewId(At), At, events, ["{\"p_id\":\"1\",\"note\":\"含中文 and \\\"quotes\\\"\"}", "{\"p_id\":\"2\"}"]);

        var parsed = IntakeDelivery.Parse(batch.ToJson()).Batch!;

        Assert.Equal(batch.Bodies, parsed.Bodies);
        Assert.Equal(Encoding.UTF8.GetByteCount(batch.ToJson()), Encoding.UTF8.GetByteCount(new IntakeBatch(batch.Id, At, events).ToJson()) + events.Zip(batch.Bodies!).Sum(x => IntakeBatch.InlineBytes(x.First, x.Second)!.Value - IntakeBatch.EnvelopeBytes(x.First)) + "\"bodies\":[],".Length - 1);
    }

    [Fact]
    public void A_batch_with_more_or_fewer_bodies_than_events_is_a_FormatException()
    {
        const string Event = "{\"platform\":\"douyin\",\"shopId\":\"s\",\"orderId\":\"o\",\"event\":\"e\",\"eventTime\":\"2025-06-18T00:00:00Z\",\"msgId\":\"m\"}";
        Assert.Throws<FormatException>(() => IntakeDelivery.Parse($"{{\"id\":\"b-1\",\"acceptedAt\":\"2025-06-18T00:00:00Z\",\"events\":[{Event}],\"bodies\":[]}}"));
        Assert.Throws<FormatException>(() => IntakeDelivery.Parse($"{{\"id\":\"b-1\",\"acceptedAt\":\"2025-06-18T00:00:00Z\",\"events\":[{Event}],\"bodies\":[\"a\",\"b\"]}}"));
        Assert.Throws<FormatException>(() => IntakeDelivery.Parse($"{{\"id\":\"b-1\",\"acceptedAt\":\"2025-06-18T00:00:00Z\",\"events\":[{Event}],\"bodies\":[null]}}"));
    }

    [Fact]
    public void A_single_envelope_written_before_batching_is_still_understood()
    {
        var legacy = new IntakeMessage("douyin", "s", "o", "e", At, "m", At);

        var delivery = IntakeDelivery.Parse(legacy.ToJson());

        Assert.Null(delivery.Batch);
        Assert.Equal([legacy], delivery.Events);
    }

    [Theory]
    [InlineData("{\"id\":\"b-1\",\"acceptedAt\":\"2025-06-18T00:00:00Z\",\"events\":[]}")]
    [InlineData("{\"id\":\"b-1\",\"acceptedAt\":\"2025-06-18T00:00:00Z\",\"events\":null}")]
    [InlineData("{\"id\":\"b-1\",\"acceptedAt\":\"2025-06-18T00:00:00Z\",\"events\":[null]}")]
    [InlineData("{\"id\":\"../b-1\",\"acceptedAt\":\"2025-06-18T00:00:00Z\",\"events\":[{\"platform\":\"douyin\",\"shopId\":\"s\",\"orderId\":\"o\",\"event\":\"e\",\"eventTime\":\"2025-06-18T00:00:00Z\",\"msgId\":\"m\"}]}")]
    [InlineData("{\"acceptedAt\":\"2025-06-18T00:00:00Z\",\"events\":[{\"platform\":\"douyin\",\"shopId\":\"s\",\"orderId\":\"o\",\"event\":\"e\",\"eventTime\":\"2025-06-18T00:00:00Z\",\"msgId\":\"m\"}]}")]
    [InlineData("{\"id\":\"b-1\",\"acceptedAt\":\"2025-06-18T00:00:00Z\",\"events\":[{\"platform\":\"ebay\",\"shopId\":\"s\",\"orderId\":\"o\",\"event\":\"e\",\"eventTime\":\"2025-06-18T00:00:00Z\",\"msgId\":\"m\"}]}")]
    [InlineData("{\"id\":\"b-1\",\"acceptedAt\":\"2025-06-18T00:00:00Z\",\"events\":[{\"platform\":\"douyin\",\"shopId\":\"s\",\"orderId\":\"o\",\"event\":\"e\",\"eventTime\":\"2025-06-18T00:00:00Z\"}]}")]
    [InlineData("{\"id\":\"b-1\",\"acceptedAt\":\"later\",\"events\":[{\"platform\":\"douyin\",\"shopId\":\"s\",\"orderId\":\"o\",\"event\":\"e\",\"eventTime\":\"2025-06-18T00:00:00Z\",\"msgId\":\"m\"}]}")]
    public void A_malformed_batch_is_a_FormatException(string text)
    {
        Assert.Throws<FormatException>(() => IntakeDelivery.Parse(text));
    }

    [Fact]
    public void The_bodies_container_sits_next_to_the_queue_and_the_poison_queue()
    {
        Assert.Equal("orders-intake-bodies", IntakeQueueNames.Bodies(IntakeQueueNames.Intake));
        Assert.Equal("orders-intake-poison", IntakeQueueNames.Poison(IntakeQueueNames.Intake));
    }
}

public class StartPacerTests
{
    [Fact]
    public void Starts_beyond_one_second_of_burst_wait_for_their_turn_at_the_configured_rate()
    {
        var clock = new Core.ManualClock(IntakeTestKit.T0);
        var pacer = new StartPacer(Microsoft.Extensions.Options.Options.Create(new IntakeOptions { MaxStartsPerSecond = 5 }), clock);

        var burst = Enumerable.Range(0, 8).Select(_ => pacer.Reserve()).ToList();

        Assert.Equal([0, 0, 0, 0, 0, 200, 400, 600], burst.Select(d => (int)Math.Round(d.TotalMilliseconds)));

        // A second later the bucket has refilled by five starts, three of which the queued callers above already took.
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([0, 0, 200], Enumerable.Range(0, 3).Select(_ => (int)Math.Round(pacer.Reserve().TotalMilliseconds)));
    }

    [Fact]
    public async Task Zero_means_unlimited_and_never_waits()
    {
        var pacer = new StartPacer(Microsoft.Extensions.Options.Options.Create(new IntakeOptions()), TimeProvider.System);

        Assert.All(Enumerable.Range(0, 1000), _ => Assert.Equal(TimeSpan.Zero, pacer.Reserve()));
        Assert.True(pacer.WaitAsync(CancellationToken.None).IsCompleted);
        await pacer.WaitAsync(CancellationToken.None);
    }
}
