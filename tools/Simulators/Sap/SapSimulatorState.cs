using ServerlessSync.Simulators.Core;
using ServerlessSync.Simulators.Shipping;

namespace ServerlessSync.Simulators.Sap;

/// <summary>
/// The simulator's singleton: options, data, sessions and metrics. Tests use it in-process to inspect orders, set stock,
/// end sessions or reset, while the HTTP endpoints serve the OData protocol over it.
/// </summary>
public sealed class SapSimulatorState(SapSimulatorOptions options, TimeProvider? time = null)
    : SimErpState<SapSimulatorOptions>(options, time, new SimWarehouse(n => (80_000_000 + n).ToString(System.Globalization.CultureInfo.InvariantCulture)))
{
    public SapSimStore Store { get; } = new(options);

    public SapSimSessions Sessions { get; } = new();

    /// <summary>Outbound deliveries with goods issue posted (API_OUTBOUND_DELIVERY_SRV), numbered from 80000001.</summary>
    public SimWarehouse Deliveries => Warehouse;

    /// <summary>Items with a reason for rejection do not ship; an order rejected whole does not ship at all.</summary>
    public override IEnumerable<SimShippableOrder> ShippableOrders() => Store.Orders().Select(o =>
    {
        var open = o.Items.Where(i => i.SalesDocumentRjcnReason.Length == 0).Select(i => new SimShipLine(i.Material, i.RequestedQuantity)).ToList();
        return new SimShippableOrder(o.SalesOrder, o.PurchaseOrderByCustomer, open.Count == 0 ? $"Sales order {o.SalesOrder} has no open item to deliver" : null, open, o.CreatedAt);
    });

    public IReadOnlyList<SapSimSalesOrder> Orders => Store.Orders();

    public IReadOnlyList<string> Duplicates => Store.DuplicatePurchaseOrders();

    public IReadOnlyList<SapSimSalesOrder> FindByPurchaseOrder(string purchaseOrderByCustomer) =>
        Store.Orders().Where(o => o.PurchaseOrderByCustomer == purchaseOrderByCustomer).ToList();

    public string SessionCookieName => $"SAP_SESSIONID_{Options.SystemId}_{Options.Client}";

    public string XsrfCookieName => $"sap-XSRF_{Options.SystemId}_{Options.Client}";

    /// <summary>Ends every session: every CSRF token handed out so far stops working.</summary>
    public void DropSessions() => Sessions.DropAll();

    protected override void ResetData()
    {
        Store.Reset(Options);
        Sessions.DropAll();
    }
}
