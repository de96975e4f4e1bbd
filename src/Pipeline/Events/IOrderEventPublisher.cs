namespace ServerlessSync.Pipeline.Events;

/// <summary>Tells downstream systems what happened to an order. Publishing the same event twice is safe: its message id is idempotent.</summary>
public interface IOrderEventPublisher
{
    /// <summary>Whether events leave the process at all (false without a Service Bus configuration).</summary>
    bool IsEnabled { get; }

    /// <exception cref="Azure.Messaging.ServiceBus.ServiceBusException">The broker did not take the message; retry the caller.</exception>
    Task PublishAsync(OrderEventMessage message, CancellationToken cancellationToken);
}
