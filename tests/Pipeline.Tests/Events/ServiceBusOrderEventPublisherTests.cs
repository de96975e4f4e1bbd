namespace ServerlessSync.Pipeline.Tests.Events;

public sealed class ServiceBusOrderEventPublisherTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 12, 30, 5, TimeSpan.Zero);

    /// <summary>A WeChat order id beyond 2^53: it must come out exactly as it went in.</summary>
    private static readonly OrderKey WeChatOrder = new("wechat", "wx-shop-1", "3729461023847561029384");

    private static readonly OrderKey DouyinOrder = new("douyin", "100200300", "4719845236102938471");

    private readonly RecordingServiceBusSender sender = new();

    private ServiceBusOrderEventPublisher Publisher() => new(sender, NullLogger<ServiceBusOrderEventPublisher>.Instance);

    [Fact]
    public async Task A_synced_order_becomes_one_json_message_keyed_by_instance_event_and_erp_number()
    {
        var message = OrderEventMessage.ForStatus(DouyinOrder, SyncStatus.Synced, "Kingdee", "XSDD000123", null, At)!;

        await Publisher().PublishAsync(message, CancellationToken.None);

        var sent = Assert.Single(sender.Sent);
        Assert.Equal("douyin:100200300:4719845236102938471:synced:XSDD000123", sent.MessageId);
        Assert.Equal("synced", sent.Subject);
        Assert.Equal("application/json", sent.ContentType);
        Assert.Equal(DouyinOrder.InstanceId, sent.CorrelationId);
        Assert.Equal("synced", sent.ApplicationProperties["eventType"]);
        Assert.Equal("douyin", sent.ApplicationProperties["platform"]);
        Assert.Equal("100200300", sent.ApplicationProperties["shopId"]);
        Assert.Equal("Kingdee", sent.ApplicationProperties["erp"]);
    }

    [Fact]
    public async Task The_body_has_exactly_the_documented_fields_with_ids_as_strings()
    {
        var message = OrderEventMessage.ForStatus(WeChatOrder, SyncStatus.PendingStock, "Sap", null, "TG-001: need 3, have 1", At.ToOffset(TimeSpan.FromHours(8)))!;

        await Publisher().PublishAsync(message, CancellationToken.None);

        using var body = JsonDocument.Parse(Assert.Single(sender.Sent).Body.ToString());
        var fields = body.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
        Assert.Equal(
            ["eventType", "instanceId", "platform", "shopId", "orderId", "erp", "erpOrderNumber", "reason", "occurredAt"],
            fields.Keys);
        Assert.Equal("pending-stock", fields["eventType"].GetString());
        Assert.Equal("wechat:wx-shop-1:3729461023847561029384", fields["instanceId"].GetString());
        Assert.Equal(JsonValueKind.String, fields["orderId"].ValueKind);
        Assert.Equal("3729461023847561029384", fields["orderId"].GetString());
        Assert.Equal("Sap", fields["erp"].GetString());
        Assert.Equal(JsonValueKind.Null, fields["erpOrderNumber"].ValueKind);
        Assert.Equal("TG-001: need 3, have 1", fields["reason"].GetString());
        Assert.Equal("2026-11-25T12:30:05+00:00", fields["occurredAt"].GetString());
    }

    [Fact]
    public async Task Publishing_the_same_fact_twice_gives_the_same_message_id_so_the_topic_drops_the_repeat()
    {
        var first = OrderEventMessage.ForStatus(DouyinOrder, SyncStatus.Failed, "Kingdee", null, "ERP rejected the order: 物料不存在", At)!;
        var retried = first with { OccurredAt = At.AddSeconds(40) };
        var otherReason = first with { Reason = "ERP write failed after 6 attempts: timeout" };

        await Publisher().PublishAsync(first, CancellationToken.None);
        await Publisher().PublishAsync(retried, CancellationToken.None);
        await Publisher().PublishAsync(otherReason, CancellationToken.None);

        var ids = sender.Sent.Select(m => m.MessageId).ToList();
        Assert.Equal(ids[0], ids[1]);
        Assert.NotEqual(ids[0], ids[2]);
        Assert.StartsWith("douyin:100200300:4719845236102938471:failed:", ids[0], StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{16}$", ids[0].Split(':')[^1]);
    }

    [Fact]
    public void Keys_longer_than_service_bus_allows_are_hashed_whole_and_stay_distinct()
    {
        var longKey = new OrderKey("taobao", new string('s', 60), new string('9', 60));
        var synced = OrderEventMessage.ForStatus(longKey, SyncStatus.Synced, "Jushuitan", "SO-1", null, At)!;
        var other = synced with { ErpOrderNumber = "SO-2" };

        var id = synced.IdempotencyKey();

        Assert.True(id.Length <= 128, id);
        Assert.StartsWith("synced:", id, StringComparison.Ordinal);
        Assert.Equal(id, synced.IdempotencyKey());
        Assert.NotEqual(id, other.IdempotencyKey());
    }

    [Theory]
    [InlineData(SyncStatus.Synced, "synced")]
    [InlineData(SyncStatus.Failed, "failed")]
    [InlineData(SyncStatus.PendingStock, "pending-stock")]
    [InlineData(SyncStatus.Quarantined, "quarantined")]
    [InlineData(SyncStatus.Received, null)]
    [InlineData(SyncStatus.AwaitingPayment, null)]
    [InlineData(SyncStatus.CancelledBeforeErp, null)]
    [InlineData(SyncStatus.CancelledAfterErp, null)]
    public void Only_the_four_outcomes_publish_an_event(SyncStatus status, string? eventType) =>
        Assert.Equal(eventType, OrderEventMessage.ForStatus(DouyinOrder, status, "Kingdee", null, null, At)?.EventType);

    [Fact]
    public async Task A_broker_failure_reaches_the_caller_so_the_activity_is_retried_instead_of_losing_the_event()
    {
        sender.FailNextWith = new ServiceBusException("namespace unavailable", ServiceBusFailureReason.ServiceCommunicationProblem);
        var message = OrderEventMessage.ForStatus(DouyinOrder, SyncStatus.Quarantined, "Kingdee", null, "unmapped SKU 3001", At)!;

        await Assert.ThrowsAsync<ServiceBusException>(() => Publisher().PublishAsync(message, CancellationToken.None));
        await Publisher().PublishAsync(message, CancellationToken.None);

        Assert.Equal("quarantined", Assert.Single(sender.Sent).Subject);
    }
}
