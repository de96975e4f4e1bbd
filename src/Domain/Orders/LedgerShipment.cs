namespace ServerlessSync.Domain.Orders;

public enum ShipmentState
{
    /// <summary>Picked up from the ERP, not on the platform yet (being sent, or retried after a failure).</summary>
    Pending = 0,

    /// <summary>The platform order carries the carrier and waybill.</summary>
    OnPlatform = 1,

    /// <summary>The ERP's carrier has no platform code in the profile: waits in quarantine for a person.</summary>
    CarrierUnmapped = 2,

    /// <summary>The platform refused it for good, or it was given up after repeated failures.</summary>
    Failed = 3,
}

/// <summary>One ERP shipment of an order as the ledger shows it: carrier, waybill, when it shipped, and whether the platform has it.</summary>
public sealed record LedgerShipment(
    string ShipmentNo,
    string Carrier,
    string? PlatformCarrier,
    string TrackingNumber,
    DateTimeOffset ShippedAt,
    ShipmentState State,
    bool Partial,
    string Note,
    DateTimeOffset UpdatedAt);
