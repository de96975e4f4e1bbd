namespace ServerlessSync.Simulators.Shipping;

/// <summary>A simulated ERP whose warehouse ships its sales orders (see <see cref="SimShipEndpoints"/>).</summary>
public interface ISimShippingErp
{
    SimWarehouse Warehouse { get; }

    /// <summary>The carrier (as the ERP names it) the warehouse ships with unless told otherwise.</summary>
    string ShipCarrier { get; }

    /// <summary>When above 0, every order that can ship is shipped whole this many seconds after it was saved (checked on each shipment query).</summary>
    double AutoShipAfterSeconds { get; }

    TimeProvider Time { get; }

    /// <summary>Every sales order the ERP holds, as the warehouse sees it.</summary>
    IEnumerable<SimShippableOrder> ShippableOrders();

    /// <summary>Ships what is due for the automatic shipment; each ERP's shipment query calls it first.</summary>
    void ShipDue()
    {
        if (AutoShipAfterSeconds > 0)
        {
            Warehouse.ShipDue(ShippableOrders(), TimeSpan.FromSeconds(AutoShipAfterSeconds), ShipCarrier, Time.GetUtcNow());
        }
    }
}
