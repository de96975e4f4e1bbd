using ServerlessSync.Domain.Erp.Jushuitan;
using ServerlessSync.Domain.Shipments;

namespace ServerlessSync.Pipeline.Erp.Jushuitan;

/// <summary>Shipments: 销售出库查询 modified since the watermark, in windows of at most 7 days, every page, through the governed read client.</summary>
public sealed partial class JushuitanConnector : IErpShipmentSource
{
    /// <summary>Stops a server whose has_next never ends.</summary>
    private const int MaxOutboundPages = 1000;

    public async Task<ErpShipmentPage> ListShippedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var shipments = new List<ErpShipment>();
        DateTimeOffset? newest = null;
        foreach (var (begin, end) in JushuitanOutboundQuery.Windows(since, _time.GetUtcNow()))
        {
            for (var page = 1; ; page++)
            {
                var answer = await ReadAsync(JushuitanPaths.OutboundQuery, JushuitanOutboundQuery.Biz(begin, end, page, _options.ShipmentPageSize), cancellationToken);
                var read = JushuitanOutboundQuery.Parse(answer);
                shipments.AddRange(read.Shipments);
                newest = read.NewestModified > newest || newest is null ? read.NewestModified : newest;
                if (!read.HasNext || read.Shipments.Count == 0)
                {
                    break;
                }

                if (page >= MaxOutboundPages)
                {
                    throw new ErpProtocolException($"Jushuitan orders/out/simple/query kept answering has_next after {page} pages.");
                }
            }
        }

        // Adjacent windows share their boundary second, so a document modified then is read twice.
        return new ErpShipmentPage(shipments.DistinctBy(s => (s.ShipmentNo, s.ErpOrderNumber)).ToList(), newest);
    }
}
