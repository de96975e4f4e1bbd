using ServerlessSync.Domain.Erp;
using ServerlessSync.Domain.Mapping;

namespace ServerlessSync.Domain.Shipments;

public enum ShipmentStep
{
    /// <summary>The platform order already carries the waybill (an earlier try reached the platform): nothing to send.</summary>
    AlreadyOnPlatform = 0,

    /// <summary>Ship the whole order with one waybill.</summary>
    Whole = 1,

    /// <summary>Ship <see cref="ShipmentPlan.Lines"/> only.</summary>
    Partial = 2,

    /// <summary>The profile has no platform code for the ERP's carrier: the shipment waits for a person.</summary>
    CarrierUnmapped = 3,

    /// <summary>The outbound document ships none of the platform order's goods: nothing can be sent.</summary>
    NothingToShip = 4,
}

/// <summary>A platform order line and how many of its units one shipment carries.</summary>
public sealed record ShippedLine(OrderLine Line, int Quantity);

/// <summary>
/// What to send the platform for one ERP shipment: the carrier through the profile's <see cref="MappingProfile.Carriers"/>;
/// nothing when the platform order already carries the waybill; the whole order when the outbound document ships every
/// unit (or does not list its goods), otherwise the platform lines whose ERP materials it ships (through the profile's
/// SKU and combo maps, the way the order was written), each with the units it covers.
/// </summary>
public sealed record ShipmentPlan(ShipmentStep Step, string? PlatformCarrier, IReadOnlyList<ShippedLine> Lines, string? Reason)
{
    public static ShipmentPlan For(Order order, MappingProfile profile, ErpShipment shipment)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(shipment);
        if (order.TrackingNumbers.Contains(shipment.TrackingNumber, StringComparer.Ordinal))
        {
            return new(ShipmentStep.AlreadyOnPlatform, null, [], null);
        }

        if (!profile.Carriers.TryGetValue(shipment.Carrier, out var carrier) || string.IsNullOrWhiteSpace(carrier))
        {
            return new(ShipmentStep.CarrierUnmapped, null, [], UnmappedReason(shipment.Carrier));
        }

        if (shipment.Lines.Count == 0)
        {
            return new(ShipmentStep.Whole, carrier, order.Lines.Select(l => new ShippedLine(l, l.Quantity)).ToList(), null);
        }

        var left = shipment.Lines.GroupBy(l => l.MaterialNumber, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity), StringComparer.Ordinal);
        var shipped = new List<ShippedLine>();
        foreach (var line in order.Lines)
        {
            var perUnit = MaterialsPerUnit(line, profile);
            if (perUnit.Count == 0)
            {
                continue;
            }

            var units = Math.Min(line.Quantity, perUnit.Min(m => left.TryGetValue(m.Key, out var have) ? (int)Math.Floor(have / m.Value) : 0));
            if (units <= 0)
            {
                continue;
            }

            foreach (var (material, quantity) in perUnit)
            {
                left[material] -= quantity * units;
            }

            shipped.Add(new ShippedLine(line, units));
        }

        if (shipped.Count == 0)
        {
            return new(ShipmentStep.NothingToShip, carrier, [], $"outbound {shipment.ShipmentNo} ships none of the platform order's goods");
        }

        var whole = shipped.Count == order.Lines.Count && shipped.All(s => s.Quantity == s.Line.Quantity);
        return new(whole ? ShipmentStep.Whole : ShipmentStep.Partial, carrier, shipped, null);
    }

    /// <summary>The quarantine reason of a shipment whose carrier the profile does not map; the release matches on it.</summary>
    public static string UnmappedReason(string erpCarrier) => $"shipment carrier '{erpCarrier}' has no platform carrier code in the profile's carriers";

    private static Dictionary<string, decimal> MaterialsPerUnit(OrderLine line, MappingProfile profile)
    {
        if (OrderPlanner.Find(profile.Combos, line) is { } combo)
        {
            return combo.Components.GroupBy(c => c.MaterialNumber, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (decimal)g.Sum(c => c.Quantity), StringComparer.Ordinal);
        }

        return OrderPlanner.Find(profile.Skus, line) is { } sku ? new Dictionary<string, decimal>(StringComparer.Ordinal) { [sku.MaterialNumber] = 1 } : [];
    }
}
