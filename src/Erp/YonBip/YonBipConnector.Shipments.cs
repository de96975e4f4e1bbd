using ServerlessSync.Domain.Erp.YonBip;
using ServerlessSync.Domain.Shipments;

namespace ServerlessSync.Pipeline.Erp.YonBip;

/// <summary>Shipments: 销售出库单 changed (pubts) since the watermark, every page, through the governed read client.</summary>
public sealed partial class YonBipConnector : IErpShipmentSource
{
    /// <summary>Stops a gateway whose page count never ends.</summary>
    private const int MaxSalesOutPages = 1000;

    public async Task<ErpShipmentPage> ListShippedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var shipments = new List<ErpShipment>();
        DateTimeOffset? newest = null;
        for (var page = 1; ; page++)
        {
            var read = YonBipSalesOutQuery.Parse(await ReadAsync(YonBipPaths.SalesOutList, YonBipSalesOutQuery.Body(since, page, _options.ShipmentPageSize), cancellationToken));
            shipments.AddRange(read.Shipments);
            newest = read.NewestChange > newest || newest is null ? read.NewestChange : newest;
            if (page >= read.PageCount || read.Shipments.Count == 0)
            {
                break;
            }

            if (page >= MaxSalesOutPages)
            {
                throw new ErpProtocolException($"YonBIP salesout/list kept answering more pages after {page}.");
            }
        }

        // A bill whose lines straddle a page boundary comes in two parts: join them.
        var joined = shipments
            .GroupBy(s => (s.ShipmentNo, s.ErpOrderNumber))
            .Select(g => g.First() with { Lines = g.SelectMany(s => s.Lines).ToList() })
            .ToList();
        return new ErpShipmentPage(joined, newest);
    }
}
