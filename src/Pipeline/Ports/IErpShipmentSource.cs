using ServerlessSync.Domain.Erp;
using ServerlessSync.Domain.Shipments;

namespace ServerlessSync.Pipeline.Ports;

/// <summary>
/// Reads the ERP's shipped outbound documents (Kingdee 销售出库单, SAP outbound delivery, 聚水潭 销售出库, YonBIP 销售出库单)
/// through the ERP's documented query API, paced by the ERP governor like every ERP call.
/// </summary>
public interface IErpShipmentSource
{
    /// <summary>The <c>Erp:Kind</c> value of the connector it belongs to.</summary>
    string Kind { get; }

    /// <summary>
    /// Shipments that changed (were shipped or audited) at or after <paramref name="since"/>, every page read, and the newest
    /// change time among them. The caller reads again from a little before that, so the same shipment may come back.
    /// </summary>
    /// <exception cref="Domain.Erp.ErpTransientException">Network failure, 5xx, throttling: worth retrying on the next tick.</exception>
    Task<ErpShipmentPage> ListShippedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
