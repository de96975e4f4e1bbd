using Azure.Messaging.ServiceBus;

namespace ServerlessSync.Pipeline.Events;

/// <summary>
/// Publishes order events to the <c>order-events</c> topic. The message id is the event's idempotency key (the topic
/// has duplicate detection on), the subject its type, and platform, shop, ERP and type are also application properties
/// so subscriptions can filter on them without reading the body.
/// </summary>
public sealed class ServiceBusOrderEventPublisher(ServiceBusSender sender, ILogger<ServiceBusOrderEventPublisher> logger) : IOrderEventPublisher
{
    public const string JsonContentType = "application/json";

    public bool IsEnabled => true;

    public async Task PublishAsync(OrderEventMessage message, CancellationToken cancellationToken)
    {
        var busMessage = ToServiceBusMessage(message);
        await sender.SendMessageAsync(busMessage, cancellationToken);
        logger.LogInformation("Published {EventType} for {InstanceId} to {Topic} as {MessageId}", message.EventType, message.InstanceId, sender.EntityPath, busMessage.MessageId);
    }

    public static ServiceBusMessage ToServiceBusMessage(OrderEventMessage message)
    {
        var busMessage = new ServiceBusMessage(BinaryData.FromString(message.ToJson()))
        {
            MessageId = message.IdempotencyKey(),
            Subject = message.EventType,
            ContentType = JsonContentType,
            CorrelationId = message.InstanceId,
        };
        busMessage.ApplicationProperties["eventType"] = message.EventType;
        busMessage.ApplicationProperties["platform"] = message.Platform;
        busMessage.ApplicationProperties["shopId"] = message.ShopId;
        busMessage.ApplicationProperties["erp"] = message.Erp;
        return busMessage;
    }
}
