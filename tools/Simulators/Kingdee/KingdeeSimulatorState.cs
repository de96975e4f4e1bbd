using ServerlessSync.Simulators.Core;
using ServerlessSync.Simulators.Shipping;

namespace ServerlessSync.Simulators.Kingdee;

/// <summary>
/// The simulator's singleton: options, data, sessions and metrics. Tests use it in-process to inspect bills,
/// set stock, drop sessions or reset, while the HTTP endpoints serve the K/3 Cloud protocol over it.
/// </summary>
public sealed class KingdeeSimulatorState(KingdeeSimulatorOptions options, TimeProvider? time = null)
    : SimErpState<KingdeeSimulatorOptions>(options, time, new SimWarehouse(n => "XSCKD" + n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)))
{
    private int stockQueriesFailed;

    public KingdeeSimStore Store { get; } = new(options);

    public KingdeeSimSessions Sessions { get; } = new();

    /// <summary>销售出库单: what the warehouse shipped (see <see cref="SimErpOptions.AutoShipAfterSeconds"/>).</summary>
    public SimWarehouse OutStocks => Warehouse;

    public IReadOnlyList<KingdeeSimBill> Bills => Store.Bills();

    public IReadOnlyList<string> Duplicates => Store.DuplicateNetOrderBillNos();

    /// <summary>Bills removed by Delete (e.g. reversed after a cancellation); they are no longer in <see cref="Bills"/>.</summary>
    public IReadOnlyList<KingdeeSimBill> DeletedBills => Store.Deleted().Select(d => d.Bill).ToList();

    /// <summary>Only audited (C) sales orders ship.</summary>
    public override IEnumerable<SimShippableOrder> ShippableOrders() => Store.Bills().Select(Shippable);

    public static SimShippableOrder Shippable(KingdeeSimBill bill)
    {
        ArgumentNullException.ThrowIfNull(bill);
        return new(
            bill.BillNo, bill.NetOrderBillNo, bill.Status == "C" ? null : $"销售订单 {bill.BillNo} 未审核，不能出库",
            bill.Lines.Select(l => new SimShipLine(l.MaterialNumber, l.Quantity)).ToList(), bill.SavedAt);
    }

    public IReadOnlyList<KingdeeSimBill> FindByNetOrderBillNo(string netOrderBillNo) =>
        Store.Bills().Where(b => b.NetOrderBillNo == netOrderBillNo).ToList();

    public void DropSessions() => Sessions.DropAll();

    /// <summary>True while fewer than <paramref name="limit"/> stock queries have been failed on purpose; counts this one.</summary>
    public bool TakeStockQueryFailure(int limit) =>
        limit > 0 && Interlocked.Increment(ref stockQueriesFailed) <= limit;

    protected override void ResetData()
    {
        Store.Reset(Options);
        Sessions.DropAll();
    }
}
