using System.Globalization;

namespace ServerlessSync.Simulators.Shipping;

/// <summary>
/// One outbound document a simulated ERP's warehouse made (Kingdee 销售出库单, SAP outbound delivery, 聚水潭 销售出库单):
/// shipped, so it counts as shipped at <see cref="ShippedAt"/>.
/// </summary>
public sealed record SimOutbound(
    string Number, string OrderNumber, string Carrier, string Waybill, DateTimeOffset ShippedAt, IReadOnlyList<SimShipLine> Lines);

public sealed record SimShipLine(string Material, decimal Quantity);

/// <summary>
/// A sales order as the warehouse sees it: its ERP number, the platform order number it carries, why it cannot ship yet
/// (null when it can: e.g. Kingdee ships audited orders only), its goods and when it was saved.
/// </summary>
public sealed record SimShippableOrder(
    string Number, string ExternalNumber, string? NotShippableBecause, IReadOnlyList<SimShipLine> Lines, DateTimeOffset SavedAt);

/// <summary>
/// The warehouse side of a simulated ERP: ships sales orders into outbound documents with a carrier and waybill, whole or
/// some materials, never more than the order has left to ship. Thread-safe.
/// </summary>
/// <param name="numbering">The outbound document's number from its sequence number (1, 2, ...).</param>
public sealed class SimWarehouse(Func<int, string> numbering)
{
    private readonly Lock _gate = new();
    private readonly List<SimOutbound> _outbounds = [];

    public IReadOnlyList<SimOutbound> All()
    {
        lock (_gate)
        {
            return _outbounds.ToList();
        }
    }

    /// <summary>
    /// Ships <paramref name="lines"/> of a sales order (null: everything it has left) as one outbound document; the waybill
    /// is generated when none is given. Either the document or why not (the order cannot ship yet, nothing is left, or a
    /// line asks for more than is left).
    /// </summary>
    public (SimOutbound? Outbound, string? Error) Ship(
        SimShippableOrder order, string carrier, string? waybill, IReadOnlyList<SimShipLine>? lines, DateTimeOffset shippedAt)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.NotShippableBecause is { } refusal)
        {
            return (null, refusal);
        }

        lock (_gate)
        {
            var left = Left(order);
            var wanted = lines ?? left.Where(p => p.Value > 0).Select(p => new SimShipLine(p.Key, p.Value)).ToList();
            if (wanted.Count == 0)
            {
                return (null, $"销售订单 {order.Number} 已全部出库");
            }

            if (wanted.FirstOrDefault(l => l.Quantity <= 0 || l.Quantity > left.GetValueOrDefault(l.Material)) is { } tooMany)
            {
                return (null, $"物料 {tooMany.Material} 出库数量 {tooMany.Quantity} 超过销售订单 {order.Number} 的未出库数量");
            }

            var sequence = _outbounds.Count + 1;
            var generated = "SIM" + shippedAt.ToUnixTimeSeconds() + sequence.ToString("D6", CultureInfo.InvariantCulture);
            var outbound = new SimOutbound(numbering(sequence), order.Number, carrier, waybill ?? generated, shippedAt, wanted);
            _outbounds.Add(outbound);
            return (outbound, null);
        }
    }

    /// <summary>Ships every order that can ship, was saved at least <paramref name="delay"/> ago and has shipped nothing yet.</summary>
    public void ShipDue(IEnumerable<SimShippableOrder> orders, TimeSpan delay, string carrier, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(orders);
        foreach (var order in orders.Where(o => o.NotShippableBecause is null && o.SavedAt + delay <= now))
        {
            bool shippedBefore;
            lock (_gate)
            {
                shippedBefore = _outbounds.Any(b => b.OrderNumber == order.Number);
            }

            if (!shippedBefore)
            {
                Ship(order, carrier, null, null, order.SavedAt + delay);
            }
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _outbounds.Clear();
        }
    }

    private Dictionary<string, decimal> Left(SimShippableOrder order)
    {
        var left = order.Lines.GroupBy(l => l.Material, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity), StringComparer.Ordinal);
        foreach (var line in _outbounds.Where(b => b.OrderNumber == order.Number).SelectMany(b => b.Lines))
        {
            left[line.Material] = left.GetValueOrDefault(line.Material) - line.Quantity;
        }

        return left;
    }
}
