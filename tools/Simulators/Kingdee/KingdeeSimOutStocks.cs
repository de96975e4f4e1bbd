using System.Globalization;

namespace ServerlessSync.Simulators.Kingdee;

/// <summary>A 销售出库单 (SAL_OUTSTOCK) as the simulator stores it: audited when made, so it counts as shipped.</summary>
public sealed record KingdeeSimOutStock(
    string BillNo, string SaleOrderBillNo, string Carrier, string CarriageNo, DateTimeOffset ApprovedAt, IReadOnlyList<KingdeeSimOutStockLine> Lines);

public sealed record KingdeeSimOutStockLine(string Material, decimal Quantity);

/// <summary>
/// The warehouse side of the simulated account: ships audited sales orders into 销售出库单 with a carrier and waybill,
/// whole or some materials, never more than the order has left to ship. Thread-safe.
/// </summary>
public sealed class KingdeeSimOutStocks
{
    private readonly Lock _gate = new();
    private readonly List<KingdeeSimOutStock> _bills = [];

    public IReadOnlyList<KingdeeSimOutStock> All()
    {
        lock (_gate)
        {
            return _bills.ToList();
        }
    }

    /// <summary>
    /// Ships <paramref name="lines"/> of a sales order (null: everything it has left) as one audited outbound bill; the
    /// waybill is generated when none is given. Either the bill or why not (the order is not audited, nothing is left, or a
    /// line asks for more than is left).
    /// </summary>
    public (KingdeeSimOutStock? Bill, string? Error) Ship(
        KingdeeSimBill order, string carrier, string? waybill, IReadOnlyList<KingdeeSimOutStockLine>? lines, DateTimeOffset approvedAt)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Status != "C")
        {
            return (null, $"销售订单 {order.BillNo} 未审核，不能出库");
        }

        lock (_gate)
        {
            var left = Left(order);
            var wanted = lines ?? left.Where(p => p.Value > 0).Select(p => new KingdeeSimOutStockLine(p.Key, p.Value)).ToList();
            if (wanted.Count == 0)
            {
                return (null, $"销售订单 {order.BillNo} 已全部出库");
            }

            if (wanted.FirstOrDefault(l => l.Quantity <= 0 || l.Quantity > left.GetValueOrDefault(l.Material)) is { } tooMany)
            {
                return (null, $"物料 {tooMany.Material} 出库数量 {tooMany.Quantity} 超过销售订单 {order.BillNo} 的未出库数量");
            }

            var number = (_bills.Count + 1).ToString("D6", CultureInfo.InvariantCulture);
            var bill = new KingdeeSimOutStock("XSCKD" + number, order.BillNo, carrier, waybill ?? "SIM" + approvedAt.ToUnixTimeSeconds() + number, approvedAt, wanted);
            _bills.Add(bill);
            return (bill, null);
        }
    }

    /// <summary>Ships every audited order saved at least <paramref name="delay"/> ago that has shipped nothing yet.</summary>
    public void ShipDue(IEnumerable<KingdeeSimBill> orders, TimeSpan delay, string carrier, DateTimeOffset now)
    {
        foreach (var order in orders.Where(o => o.Status == "C" && o.SavedAt + delay <= now))
        {
            bool shippedBefore;
            lock (_gate)
            {
                shippedBefore = _bills.Any(b => b.SaleOrderBillNo == order.BillNo);
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
            _bills.Clear();
        }
    }

    private Dictionary<string, decimal> Left(KingdeeSimBill order)
    {
        var left = order.Lines.GroupBy(l => l.MaterialNumber, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity), StringComparer.Ordinal);
        foreach (var line in _bills.Where(b => b.SaleOrderBillNo == order.BillNo).SelectMany(b => b.Lines))
        {
            left[line.Material] = left.GetValueOrDefault(line.Material) - line.Quantity;
        }

        return left;
    }
}
