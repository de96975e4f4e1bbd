using ServerlessSync.Domain.Erp.Sap;
using ServerlessSync.Domain.Shipments;

namespace ServerlessSync.Pipeline.Erp.Sap;

/// <summary>Shipments: outbound deliveries with goods issue posted since the watermark's day, paged, through the governed read client.</summary>
public sealed partial class SapConnector : IErpShipmentSource
{
    public async Task<ErpShipmentPage> ListShippedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var shipments = new List<ErpShipment>();
        for (var skip = 0; ; )
        {
            var url = SapServices.EntitySet(
                _transport.BaseUrl, SapOutboundDeliveryQuery.Service, SapOutboundDeliveryQuery.HeaderSet,
                SapOutboundDeliveryQuery.GoodsIssuedSince(since, _options.ShipmentPageSize, skip), _options.Client);
            var (page, rows, more) = SapOutboundDeliveryQuery.Parse(await ReadAsync(url, "outbound delivery query", cancellationToken));
            shipments.AddRange(page.Where(s => s.ShippedAt >= since));
            skip += rows;
            // A gateway may cut a page below $top and link the rest with __next; $skip then reads on from where it stopped.
            if (rows == 0 || (rows < _options.ShipmentPageSize && !more))
            {
                break;
            }

            if (skip >= _options.ShipmentPageSize * MaxPagesPerQuery)
            {
                throw new ErpProtocolException($"SAP outbound delivery query kept answering full pages after {skip} deliveries.");
            }
        }

        return new ErpShipmentPage(shipments, shipments.Count == 0 ? null : shipments.Max(s => s.ShippedAt));
    }
}
