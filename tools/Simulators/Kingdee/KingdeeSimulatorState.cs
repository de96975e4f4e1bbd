using ServerlessSync.Simulators.Shipping;

namespace ServerlessSync.Simulators.Kingdee;

/// <summary>
/// The simulator's singleton: options, data, sessions and metrics. Tests use it in-process to inspect bills,
/// set stock, drop sessions or reset, while the HTTP endpoints serve the K/3 Cloud protocol over it.
/// </summary>
public sealed class KingdeeSimulatorState : ISimShippingErp
{
    private readonly Lock _diceGate = new();
    private Random _dice;

    public KingdeeSimulatorState(KingdeeSimulatorOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Time = time ?? TimeProvider.System;
        Store = new KingdeeSimStore(options);
        _dice = NewDice(options);
    }

    public KingdeeSimulatorOptions Options { get; }

    public TimeProvider Time { get; }

    public KingdeeSimStore Store { get; }

    public KingdeeSimSessions Sessions { get; } = new();

    /// <summary>销售出库单: what the warehouse shipped (see <see cref="KingdeeSimulatorOptions.AutoShipAfterSeconds"/>).</summary>
    public SimWarehouse OutStocks { get; } = new(n => "XSCKD" + n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture));

    SimWarehouse ISimShippingErp.Warehouse => OutStocks;

    string ISimShippingErp.ShipCarrier => Options.ShipCarrier;

    double ISimShippingErp.AutoShipAfterSeconds => Options.AutoShipAfterSeconds;

    /// <summary>Only audited (C) sales orders ship.</summary>
    public IEnumerable<SimShippableOrder> ShippableOrders() => Store.Bills().Select(Shippable);

    public static SimShippableOrder Shippable(KingdeeSimBill bill)
    {
        ArgumentNullException.ThrowIfNull(bill);
        return new(
            bill.BillNo, bill.NetOrderBillNo, bill.Status == "C" ? null : $"销售订单 {bill.BillNo} 未审核，不能出库",
            bill.Lines.Select(l => new SimShipLine(l.MaterialNumber, l.Quantity)).ToList(), bill.SavedAt);
    }

    public KingdeeSimMetrics Metrics { get; } = new();

    internal KingdeeSimTokenBucket Bucket { get; } = new();

    public IReadOnlyList<KingdeeSimBill> Bills => Store.Bills();

    public IReadOnlyList<string> Duplicates => Store.DuplicateNetOrderBillNos();

    /// <summary>Bills removed by Delete (e.g. reversed after a cancellation); they are no longer in <see cref="Bills"/>.</summary>
    public IReadOnlyList<KingdeeSimBill> DeletedBills => Store.Deleted().Select(d => d.Bill).ToList();

    public IReadOnlyList<KingdeeSimBill> FindByNetOrderBillNo(string netOrderBillNo) =>
        Store.Bills().Where(b => b.NetOrderBillNo == netOrderBillNo).ToList();

    public void DropSessions() => Sessions.DropAll();

    /// <summary>True with the given probability, from the seeded dice.</summary>
    private int stockQueriesFailed;

    /// <summary>True while fewer than <paramref name="limit"/> stock queries have been failed on purpose; counts this one.</summary>
    public bool TakeStockQueryFailure(int limit) =>
        limit > 0 && Interlocked.Increment(ref stockQueriesFailed) <= limit;

    public bool Roll(double probability)
    {
        if (probability <= 0)
        {
            return false;
        }

        if (probability >= 1)
        {
            return true;
        }

        lock (_diceGate)
        {
            return _dice.NextDouble() < probability;
        }
    }

    /// <summary>Back to the seeded state: bills, sessions, metrics, stock and the dice.</summary>
    public void Reset()
    {
        Store.Reset(Options);
        OutStocks.Reset();
        Sessions.DropAll();
        Metrics.Reset();
        Bucket.Reset();
        lock (_diceGate)
        {
            _dice = NewDice(Options);
        }
    }

    private static Random NewDice(KingdeeSimulatorOptions options) => options.Seed is { } seed ? new Random(seed) : new Random();
}
