using ServerlessSync.Domain.Erp;
using ServerlessSync.Domain.Shipments;

namespace ServerlessSync.Pipeline.Shipments;

/// <summary>The ledger's view of a shipment in each of its states.</summary>
public static class ShipmentRecords
{
    public static LedgerShipment Pending(ErpShipment shipment, DateTimeOffset now, string note = "picked up from the ERP, not on the platform yet") =>
        Of(shipment, ShipmentState.Pending, null, false, note, now);

    public static LedgerShipment Of(ErpShipment shipment, ShipmentState state, string? platformCarrier, bool partial, string note, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        return new(shipment.ShipmentNo, shipment.Carrier, platformCarrier, shipment.TrackingNumber, shipment.ShippedAt, state, partial, note, now);
    }
}
