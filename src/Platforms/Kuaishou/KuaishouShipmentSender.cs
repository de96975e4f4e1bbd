using System.Text.Json.Nodes;
using ServerlessSync.Domain.Platforms.Kuaishou;

namespace ServerlessSync.Pipeline.Platforms.Kuaishou;

/// <summary>
/// Ships 快手 orders (loop.md §2.2, KS): the whole order with <c>open.seller.order.goods.deliver</c> (<c>orderId</c>,
/// <c>expressNo</c>, numeric <c>expressCode</c>), some of it with <c>open.order.goods.split.deliver</c> (<c>mainOrderId</c>,
/// one <c>deliveryItemInfoList</c> package whose <c>deliveryGoodsInfoList</c> names the main or gift order ids with
/// <c>deliveryNum</c>; field names as a third-party SDK has them, G). Neither takes an idempotency key, so the shipment
/// queue reads <c>orderLogisticsInfo</c> back before every try.
/// </summary>
public sealed class KuaishouShipmentSender(
    HttpClient http,
    IOptions<KuaishouOptions> options,
    ILogger<KuaishouShipmentSender>? logger = null,
    TimeProvider? timeProvider = null) : IPlatformShipmentSender
{
    public const string HttpClientName = "platform-kuaishou-delivery";

    private readonly ILogger logger = logger ?? NullLogger<KuaishouShipmentSender>.Instance;
    private readonly TimeProvider time = timeProvider ?? TimeProvider.System;

    public string Platform => PlatformNames.Kuaishou;

    public bool SupportsPartial => true;

    public async Task SendAsync(PlatformShipment shipment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        var key = shipment.Key;
        var orderId = KuaishouGateway.Number(key.OrderId, $"order id of {key.InstanceId}");
        var expressCode = KuaishouGateway.Number(shipment.PlatformCarrier, $"expressCode '{shipment.PlatformCarrier}' (快手 carrier codes are numbers) for {key.InstanceId}");
        var (method, body) = shipment.Lines is { } lines
            ? (KuaishouApiMethods.SplitDeliver, new JsonObject
            {
                ["mainOrderId"] = orderId,
                ["deliveryItemInfoList"] = new JsonArray(new JsonObject
                {
                    ["deliveryGoodsInfoList"] = new JsonArray(lines.Select(l => (JsonNode)new JsonObject
                    {
                        ["oid"] = KuaishouGateway.Number(l.Line.LineId, $"line id of {key.InstanceId}"),
                        ["deliveryNum"] = l.Quantity,
                    }).ToArray()),
                    ["expressCode"] = expressCode,
                    ["expressNo"] = shipment.TrackingNumber,
                }),
            })
            : (KuaishouApiMethods.GoodsDeliver, new JsonObject { ["orderId"] = orderId, ["expressNo"] = shipment.TrackingNumber, ["expressCode"] = expressCode });
        await KuaishouGateway.WriteAsync(http, options.Value, key.ShopId, method, body, time.GetUtcNow(), key.InstanceId, logger, cancellationToken);
    }
}
