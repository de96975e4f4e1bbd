using ServerlessSync.Simulators.Shipping;

namespace ServerlessSync.Simulators.Sap;

/// <summary>
/// The simulator's singleton: options, data, sessions and metrics. Tests use it in-process to inspect orders, set stock,
/// end sessions or reset, while the HTTP endpoints serve the OData protocol over it.
/// </summary>
public sealed class SapSimulatorState : ISimShippingErp
{
    private readonly Lock _diceGate = new();
    private Random _dice;

    public SapSimulatorState(SapSimulatorOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Time = time ?? TimeProvider.System;
        Store = new SapSimStore(options);
        _dice = NewDice(options);
    }

    public SapSimulatorOptions Options { get; }

    public TimeProvider Time { get; }

    public SapSimStore Store { get; }

    public SapSimSessions Sessions { get; } = new();

    public SapSimMetrics Metrics { get; } = new();

    /// <summary>Outbound deliveries with goods issue posted (API_OUTBOUND_DELIVERY_SRV), numbered from 80000001.</summary>
    public SimWarehouse Deliveries { get; } = new(n => (80_000_000 + n).ToString(System.Globalization.CultureInfo.InvariantCulture));

    SimWarehouse ISimShippingErp.Warehouse => Deliveries;

    string ISimShippingErp.ShipCarrier => Options.ShipCarrier;

    double ISimShippingErp.AutoShipAfterSeconds => Options.AutoShipAfterSeconds;

    /// <summary>Items with a reason for rejection do not ship; an order rejected whole does not ship at all.</summary>
    public IEnumerable<SimShippableOrder> ShippableOrders() => Store.Orders().Select(o =>
    {
        var open = o.Items.Where(i => i.SalesDocumentRjcnReason.Length == 0).Select(i => new SimShipLine(i.Material, i.RequestedQuantity)).ToList();
        return new SimShippableOrder(o.SalesOrder, o.PurchaseOrderByCustomer, open.Count == 0 ? $"Sales order {o.SalesOrder} has no open item to deliver" : null, open, o.CreatedAt);
    });

    internal SapSimRateGate RateGate { get; } = new();

    public IReadOnlyList<SapSimSalesOrder> Orders => Store.Orders();

    public IReadOnlyList<string> Duplicates => Store.DuplicatePurchaseOrders();

    public IReadOnlyList<SapSimSalesOrder> FindByPurchaseOrder(string purchaseOrderByCustomer) =>
        Store.Orders().Where(o => o.PurchaseOrderByCustomer == purchaseOrderByCustomer).ToList();

    public string SessionCookieName => $"SAP_SESSIONID_{Options.SystemId}_{Options.Client}";

    public string XsrfCookieName => $"sap-XSRF_{Options.SystemId}_{Options.Client}";

    /// <summary>Ends every session: every CSRF token handed out so far stops working.</summary>
    public void DropSessions() => Sessions.DropAll();

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

    /// <summary>Back to the seeded state: orders, sessions, metrics, stock and the dice.</summary>
    public void Reset()
    {
        Store.Reset(Options);
        Deliveries.Reset();
        Sessions.DropAll();
        Metrics.Reset();
        RateGate.Reset();
        lock (_diceGate)
        {
            _dice = NewDice(Options);
        }
    }

    private static Random NewDice(SapSimulatorOptions options) => options.Seed is { } seed ? new Random(seed) : new Random();
}
