namespace ServerlessSync.Pipeline.Events;

/// <summary>The publisher when no Service Bus is configured: events are dropped, the pipeline behaves the same.</summary>
public sealed class NoOpOrderEventPublisher : IOrderEventPublisher
{
    public bool IsEnabled => false;

    public Task PublishAsync(OrderEventMessage message, CancellationToken cancellationToken) => Task.CompletedTask;
}
