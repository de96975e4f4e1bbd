using static ServerlessSync.Pipeline.Tests.Intake.IntakeTestKit;

namespace ServerlessSync.Pipeline.Tests.Events;

/// <summary>
/// The intake consumer publishes <c>received</c> on order-events for each order it records, through the real
/// Service Bus publisher (only the sender keeps the messages instead of a broker), after the push was acked.
/// </summary>
public sealed class OrderReceivedEventsTests : IDisposable
{
    private readonly ServiceProvider meters = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public void Dispose() => meters.Dispose();

    private IntakeMessageHandler Consumer(StorageClients storage, ServiceBusSender sender)
    {
        var settings = Options.Create(new IntakeOptions { BusyRetryDelaySeconds = 1 });
        var gateway = new InMemoryGateway();
        var starter = new OrderEventStarter(gateway, new IntakeQueue(storage), settings, SyncRetryPlan.Defaults, NullLogger<OrderEventStarter>.Instance);
        var batches = new SyncBatchStarter(gateway, gateway, SyncRetryPlan.Defaults, NullLogger<SyncBatchStarter>.Instance);
        var metrics = new PipelineMetrics(meters.GetRequiredService<IMeterFactory>(), "Kingdee");
        var publisher = new ServiceBusOrderEventPublisher(sender, NullLogger<ServiceBusOrderEventPublisher>.Instance);
        return new IntakeMessageHandler(starter, batches, Inbox(storage), settings, NullLogger<IntakeMessageHandler>.Instance, metrics: metrics, receivedEvents: new OrderReceivedEvents(publisher, metrics, TimeProvider.System));
    }

    [Fact]
    public async Task Each_recorded_order_publishes_received_with_one_message_id_per_order()
    {
        var storage = await CoreStorage.CreateAsync();
        var sender = new RecordingServiceBusSender();
        await Committer(storage).CommitAsync([Message("6920000000000000001", "created-1", "doudian_trade_TradeCreate"), Message("6920000000000000001", "paid-1"), Message("6920000000000000002", "paid-2")], CancellationToken.None);

        await ConsumeAllAsync(storage, Consumer(storage, sender));

        var sent = sender.Sent.ToList();
        Assert.All(sent, m => Assert.Equal(OrderEventTypes.Received, m.Subject));
        Assert.Equal(["douyin:shop-1:6920000000000000001", "douyin:shop-1:6920000000000000002"], sent.Select(m => m.CorrelationId).Distinct().Order());
        Assert.Equal(2, sent.Select(m => m.MessageId).Distinct().Count());
        var body = System.Text.Json.JsonDocument.Parse(sent.First(m => m.CorrelationId.EndsWith("2", StringComparison.Ordinal)).Body.ToString()).RootElement;
        Assert.Equal("received", body.GetProperty("eventType").GetString());
        Assert.Equal("6920000000000000002", body.GetProperty("orderId").GetString());
        Assert.Equal("Kingdee", body.GetProperty("erp").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("erpOrderNumber").ValueKind);
    }

    [Fact]
    public async Task A_push_delivered_again_in_another_batch_publishes_nothing_more()
    {
        var storage = await CoreStorage.CreateAsync();
        var sender = new RecordingServiceBusSender();
        var consumer = Consumer(storage, sender);
        await Committer(storage).CommitAsync([Message("6920000000000000003", "paid-3")], CancellationToken.None);
        await ConsumeAllAsync(storage, consumer);
        await Committer(storage).CommitAsync([Message("6920000000000000003", "paid-3")], CancellationToken.None);

        await ConsumeAllAsync(storage, consumer);

        Assert.Single(sender.Sent);
    }

    [Fact]
    public async Task A_failed_publish_fails_the_message_and_its_retry_publishes_the_same_message_id()
    {
        var storage = await CoreStorage.CreateAsync();
        var sender = new RecordingServiceBusSender { FailNextWith = new ServiceBusException("broker away", ServiceBusFailureReason.ServiceBusy) };
        var consumer = Consumer(storage, sender);
        await Committer(storage).CommitAsync([Message("6920000000000000004", "paid-4")], CancellationToken.None);
        var queue = await storage.QueueAsync(storage.IntakeQueueName);
        var text = (await queue.PeekMessagesAsync(1)).Value.Single().Body.ToString();

        await Assert.ThrowsAsync<ServiceBusException>(() => consumer.HandleAsync(text, CancellationToken.None));
        await consumer.HandleAsync(text, CancellationToken.None);

        var sent = Assert.Single(sender.Sent);
        Assert.Equal(OrderEventMessage.Received(new Domain.Orders.OrderKey("douyin", "shop-1", "6920000000000000004"), "Kingdee", DateTimeOffset.UtcNow).IdempotencyKey(), sent.MessageId);
    }
}
