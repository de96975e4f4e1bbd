using ServerlessSync.Domain.Erp.Kingdee;
using ServerlessSync.Domain.Erp;
using ServerlessSync.Domain.Shipments;

namespace ServerlessSync.Pipeline.Erp.Kingdee;

/// <summary>Shipments: audited 销售出库单 (SAL_OUTSTOCK) approved since the watermark, paged, through the governed read client.</summary>
public sealed partial class KingdeeConnector : IErpShipmentSource
{
    public async Task<ErpShipmentPage> ListShippedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var rows = await QueryAllPagesAsync(KingdeeOutStockQueries.ApprovedSince(since), cancellationToken);
        var shipments = KingdeeOutStockQueries.Parse(rows);
        return new ErpShipmentPage(shipments, shipments.Count == 0 ? null : shipments.Max(s => s.ShippedAt));
    }
}
