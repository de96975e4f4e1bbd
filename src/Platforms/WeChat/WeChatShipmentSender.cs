using ServerlessSync.Domain.Platforms.WeChat;

namespace ServerlessSync.Pipeline.Platforms.WeChat;

/// <summary>
/// Ships 微信小店 orders with <c>POST /channels/ec/order/delivery/send</c> (loop.md §2.3): <c>order_id</c> and one
/// <c>delivery_list</c> entry {<c>delivery_id</c> (the carrier id, e.g. <c>SF</c>), <c>waybill_id</c>, <c>deliver_type</c> 1},
/// with <c>product_infos</c> {<c>product_id</c>, <c>sku_id</c>, <c>product_cnt</c>} when only some goods ship. No idempotency
/// key is documented; the shipment queue reads <c>delivery_info.delivery_product_info[].waybill_id</c> back before every try.
/// </summary>
public sealed class WeChatShipmentSender(WeChatApi api) : IPlatformShipmentSender
{
    public string Platform => PlatformNames.WeChat;

    public bool SupportsPartial => true;

    public async Task SendAsync(PlatformShipment shipment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        var products = shipment.Lines?.Select(l => (l.Line.ProductId, l.Line.SkuId, l.Quantity));
        var body = WeChatOrderParser.DeliverySendRequest(shipment.Key.OrderId, shipment.PlatformCarrier, shipment.TrackingNumber, products);
        await api.PostAsync(shipment.Key.ShopId, WeChatApiPaths.DeliverySend, body, shipment.Key.InstanceId, cancellationToken);
    }
}
