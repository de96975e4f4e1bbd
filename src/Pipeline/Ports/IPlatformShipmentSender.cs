using ServerlessSync.Domain.Shipments;

namespace ServerlessSync.Pipeline.Ports;

/// <summary>One carrier and waybill to send to a platform order, whole or for some of its lines.</summary>
/// <param name="RequestId">Stable per order and outbound document: the idempotency key where the platform takes one (抖店 <c>request_id</c>).</param>
public sealed record PlatformShipment(OrderKey Key, string PlatformCarrier, string TrackingNumber, IReadOnlyList<ShippedLine>? Lines, string RequestId)
{
    /// <summary>True when only <see cref="Lines"/> ship (拆单/部分发货).</summary>
    public bool IsPartial => Lines is not null;
}

/// <summary>Sends a shipment through the platform's documented delivery API.</summary>
public interface IPlatformShipmentSender
{
    /// <summary>The platform name (see <see cref="PlatformNames"/>).</summary>
    string Platform { get; }

    /// <summary>Whether the platform's delivery API can ship some lines of an order on their own.</summary>
    bool SupportsPartial { get; }

    /// <exception cref="PlatformTransientException">Network failure, 5xx or throttling: worth retrying.</exception>
    /// <exception cref="PlatformRequestException">The platform refused the shipment.</exception>
    Task SendAsync(PlatformShipment shipment, CancellationToken cancellationToken);
}
