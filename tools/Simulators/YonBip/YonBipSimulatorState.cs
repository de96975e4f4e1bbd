using ServerlessSync.Simulators.Kingdee;
using ServerlessSync.Simulators.Shipping;

namespace ServerlessSync.Simulators.YonBip;

/// <summary>
/// The simulator's singleton: options, data, tokens and metrics. Tests use it in-process to inspect orders, set
/// stock, drop tokens or reset, while the HTTP endpoints serve the YonBIP open-API protocol over it. Metrics and
/// the rate bucket are the same types the Kingdee simulator uses, so every ERP reports alike.
/// </summary>
public sealed class YonBipSimulatorState : ISimShippingErp
{
    private readonly Lock _diceGate = new();
    private Random _dice;

    public YonBipSimulatorState(YonBipSimulatorOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Time = time ?? TimeProvider.System;
        Store = new YonBipSimStore(options);
        _dice = NewDice(options);
    }

    public YonBipSimulatorOptions Options { get; }

    public TimeProvider Time { get; }

    public YonBipSimStore Store { get; }

    public YonBipSimTokens Tokens { get; } = new();

    public KingdeeSimMetrics Metrics { get; } = new();

    /// <summary>销售出库单 (XSCK000001, ...): what the warehouse shipped, read through scm/salesout/list.</summary>
    public SimWarehouse Warehouse { get; } = new(n => "XSCK" + n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture));

    string ISimShippingErp.ShipCarrier => Options.ShipCarrier;

    double ISimShippingErp.AutoShipAfterSeconds => Options.AutoShipAfterSeconds;

    /// <summary>Only audited (verifystate 2) sales orders ship; the ERP number is the order code.</summary>
    public IEnumerable<SimShippableOrder> ShippableOrders() => Store.Orders().Select(o => new SimShippableOrder(
        o.Code, o.ExternalOrderNo, o.VerifyState == 2 ? null : $"销售订单 {o.Code} 未审核，不能出库",
        o.Lines.Select(l => new SimShipLine(l.ProductCode, l.Qty)).ToList(), o.SavedAt));

    internal KingdeeSimTokenBucket Bucket { get; } = new();

    internal YonBipSimMinuteLimiter PerMinute { get; } = new();

    public IReadOnlyList<YonBipSimOrder> Orders => Store.Orders();

    /// <summary>Orders removed by delete (e.g. reversed after a cancellation); they are no longer in <see cref="Orders"/>.</summary>
    public IReadOnlyList<YonBipSimOrder> DeletedOrders => Store.Deleted().Select(d => d.Order).ToList();

    public IReadOnlyList<string> Duplicates => Store.DuplicateExternalOrderNos();

    public IReadOnlyList<YonBipSimOrder> FindByExternalOrderNo(string externalOrderNo) =>
        Store.Orders().Where(o => o.ExternalOrderNo == externalOrderNo).ToList();

    public void DropTokens() => Tokens.DropAll();

    /// <summary>True with the given probability, from the seeded dice.</summary>
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

    /// <summary>Back to the seeded state: orders, key cache, tokens, metrics, stock and the dice.</summary>
    public void Reset()
    {
        Store.Reset(Options);
        Warehouse.Reset();
        Tokens.DropAll();
        Metrics.Reset();
        Bucket.Reset();
        PerMinute.Reset();
        lock (_diceGate)
        {
            _dice = NewDice(Options);
        }
    }

    private static Random NewDice(YonBipSimulatorOptions options) => options.Seed is { } seed ? new Random(seed) : new Random();
}
