namespace ServerlessSync.Domain.Erp;

/// <summary>
/// One outbound document the ERP has shipped (Kingdee 销售出库单, SAP outbound delivery, 聚水潭 销售出库): which ERP sales
/// order it ships, with which carrier (as the ERP names it) and waybill, when, and which goods.
/// </summary>
/// <param name="ShipmentNo">The outbound document's number in the ERP: the shipment's identity.</param>
/// <param name="ErpOrderNumber">The ERP sales order it ships: the number the ledger recorded for the platform order.</param>
/// <param name="Lines">The goods it ships; empty when the ERP does not say, which is read as the whole order.</param>
public sealed record ErpShipment(
    string ShipmentNo,
    string ErpOrderNumber,
    string Carrier,
    string TrackingNumber,
    DateTimeOffset ShippedAt,
    IReadOnlyList<ShippedGoods> Lines)
{
    /// <summary>What is wrong with a shipment as read from the ERP, so a bad row is reported instead of sent.</summary>
    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(ShipmentNo))
        {
            yield return "the outbound document has no number";
        }

        if (string.IsNullOrWhiteSpace(ErpOrderNumber))
        {
            yield return $"outbound {ShipmentNo} names no sales order";
        }

        if (string.IsNullOrWhiteSpace(Carrier))
        {
            yield return $"outbound {ShipmentNo} has no carrier";
        }

        if (string.IsNullOrWhiteSpace(TrackingNumber))
        {
            yield return $"outbound {ShipmentNo} has no waybill number";
        }

        foreach (var line in Lines.Where(l => string.IsNullOrWhiteSpace(l.MaterialNumber) || l.Quantity <= 0))
        {
            yield return $"outbound {ShipmentNo} has a line without material or with quantity {line.Quantity}";
        }
    }
}

/// <summary>An ERP material and the quantity of it one outbound document ships.</summary>
public sealed record ShippedGoods(string MaterialNumber, decimal Quantity);

/// <summary>A page of shipments read from the ERP and the watermark to read from next time.</summary>
public sealed record ErpShipmentPage(IReadOnlyList<ErpShipment> Shipments, DateTimeOffset? NewestChange);
