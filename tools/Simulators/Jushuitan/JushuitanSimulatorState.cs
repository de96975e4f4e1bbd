using ServerlessSync.Simulators.Kingdee;
using ServerlessSync.Simulators.Shipping;

namespace ServerlessSync.Simulators.Jushuitan;

/// <summary>
/// The simulator's singleton: options, data, token clock and metrics. Tests use it in-process to inspect orders,
/// set stock or reset, while the HTTP endpoints serve the Jushuitan open-API protocol over it. Metrics and the rate
/// bucket are the types the Kingdee simulator uses, so every ERP reports alike.
/// </summary>
public sealed class JushuitanSimulatorState : ISimShippingErp
{
    private readonly Lock _diceGate = new();
    private Random _dice;
    private long _tokenIssuedAtTicks;

    public JushuitanSimulatorState(JushuitanSimulatorOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Time = time ?? TimeProvider.System;
        Store = new JushuitanSimStore(options);
        MaterialsModifiedAt = Time.GetUtcNow();
        _dice = NewDice(options);
        RenewToken();
    }

    public JushuitanSimulatorOptions Options { get; }

    public TimeProvider Time { get; }

    public JushuitanSimStore Store { get; }

    /// <summary>The <c>modified</c> time of every material sku/query lists: when the simulator started.</summary>
    public DateTimeOffset MaterialsModifiedAt { get; }

    public KingdeeSimMetrics Metrics { get; } = new();

    /// <summary>销售出库单 (io_id from 20000001): what the warehouse shipped, read through orders/out/simple/query.</summary>
    public SimWarehouse Warehouse { get; } = new(n => (20_000_000 + n).ToString(System.Globalization.CultureInfo.InvariantCulture));

    string ISimShippingErp.ShipCarrier => Options.ShipCarrier;

    double ISimShippingErp.AutoShipAfterSeconds => Options.AutoShipAfterSeconds;

    /// <summary>Paid orders (WaitConfirm) the shop has not closed ship; the ERP number is the o_id.</summary>
    public IEnumerable<SimShippableOrder> ShippableOrders() => Store.Orders().Select(o => new SimShippableOrder(
        o.OId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        o.SoId,
        o.Status != "WaitConfirm" ? $"订单 {o.OId} 状态 {o.Status}，不能出库" : o.ShopStatus.StartsWith("TRADE_CLOSED", StringComparison.Ordinal) ? $"订单 {o.OId} 已关闭，不能出库" : null,
        o.Items.Select(i => new SimShipLine(i.SkuId, i.Qty)).ToList(),
        o.Modified));

    internal KingdeeSimTokenBucket Bucket { get; } = new();

    public IReadOnlyList<JushuitanSimOrder> Orders => Store.Orders();

    public IReadOnlyList<string> Duplicates => Store.DuplicateSoIds();

    public bool IsTokenValid(string? token) =>
        token == Options.AccessToken
        && Time.GetUtcNow().UtcTicks - Interlocked.Read(ref _tokenIssuedAtTicks) < TimeSpan.FromSeconds(Options.AccessTokenLifetimeSeconds).Ticks;

    /// <summary>The access token counts as issued now (getInitToken, reset).</summary>
    public void RenewToken() => Interlocked.Exchange(ref _tokenIssuedAtTicks, Time.GetUtcNow().UtcTicks);

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

    /// <summary>Back to the seeded state: orders, stock, token clock, metrics and the dice.</summary>
    public void Reset()
    {
        Store.Reset(Options);
        Warehouse.Reset();
        Metrics.Reset();
        Bucket.Reset();
        RenewToken();
        lock (_diceGate)
        {
            _dice = NewDice(Options);
        }
    }

    private static Random NewDice(JushuitanSimulatorOptions options) => options.Seed is { } seed ? new Random(seed) : new Random();
}
