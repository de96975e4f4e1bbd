using ServerlessSync.Pipeline.Intake;
using ServerlessSync.Pipeline.Telemetry;

namespace ServerlessSync.Pipeline.Events;

/// <summary>
/// Publishes <c>received</c> on the order-events topic when the intake consumer records an order's event in the Inbox:
/// after the push was acked, never on the ack path. A failed publish fails that order's handling, so the queue message
/// is retried (the Inbox then answers RecordedByThisBatch and the event is published again; the topic drops a repeat).
/// </summary>
public sealed class OrderReceivedEvents(IOrderEventPublisher publisher, PipelineMetrics metrics, TimeProvider clock)
{
    public Task PublishAsync(IntakeMessage message, CancellationToken cancellationToken) =>
        publisher.IsEnabled
            ? publisher.PublishAsync(OrderEventMessage.Received(message.Key, metrics.Erp, clock.GetUtcNow()), cancellationToken)
            : Task.CompletedTask;
}
