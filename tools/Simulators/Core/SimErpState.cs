using ServerlessSync.Simulators.Shipping;

namespace ServerlessSync.Simulators.Core;

/// <summary>
/// What every ERP simulator's singleton holds besides its data: the options, the clock, call metrics, the rate gate,
/// the seeded fault dice and the warehouse. Tests use the state in-process to inspect or reset, while the HTTP endpoints
/// serve the ERP's protocol over it.
/// </summary>
public abstract class SimErpState<TOptions> : ISimShippingErp
    where TOptions : SimErpOptions
{
    private readonly SimDice _dice;

    protected SimErpState(TOptions options, TimeProvider? time, SimWarehouse warehouse)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Time = time ?? TimeProvider.System;
        Warehouse = warehouse;
        _dice = new SimDice(options.Seed);
    }

    public TOptions Options { get; }

    public TimeProvider Time { get; }

    public SimCallMetrics Metrics { get; } = new();

    /// <summary>The calls-per-second cap; on the real clock whatever <see cref="Time"/> is, as a gateway's would be.</summary>
    public SimRateGate RateGate { get; } = new(TimeProvider.System);

    /// <summary>The outbound documents (销售出库单, deliveries) the warehouse made.</summary>
    public SimWarehouse Warehouse { get; }

    string ISimShippingErp.ShipCarrier => Options.ShipCarrier;

    double ISimShippingErp.AutoShipAfterSeconds => Options.AutoShipAfterSeconds;

    /// <summary>Every sales order the ERP holds, as the warehouse sees it.</summary>
    public abstract IEnumerable<SimShippableOrder> ShippableOrders();

    /// <summary>True with the given probability, from the seeded dice.</summary>
    public bool Roll(double probability) => _dice.Roll(probability);

    /// <summary>Back to the seeded state: the ERP's data, the warehouse, metrics, the rate gate and the dice.</summary>
    public void Reset()
    {
        ResetData();
        Warehouse.Reset();
        Metrics.Reset();
        RateGate.Reset();
        _dice.Reset(Options.Seed);
    }

    /// <summary>The ERP's own part of <see cref="Reset"/>: its store, sessions or tokens, its own limiters.</summary>
    protected abstract void ResetData();
}
