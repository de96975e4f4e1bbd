using ServerlessSync.Domain.Platforms.Taobao;

namespace ServerlessSync.Pipeline.Platforms.Taobao;

/// <summary>
/// Ships 淘宝 trades with <c>taobao.logistics.offline.send</c> (自己联系物流, loop.md §2.4): <c>tid</c>, <c>out_sid</c> (the
/// waybill), <c>company_code</c> (e.g. <c>SF</c>); part of a trade adds <c>sub_tid</c> (its sub-orders' oids, comma-separated)
/// and <c>is_split</c> 1. No idempotency key is documented; the shipment queue reads the sub-orders' <c>invoice_no</c> back
/// before every try.
/// </summary>
public sealed class TaobaoShipmentSender(
    HttpClient http,
    IOptions<TaobaoOptions> options,
    ILogger<TaobaoShipmentSender>? logger = null,
    TimeProvider? timeProvider = null) : IPlatformShipmentSender
{
    public const string HttpClientName = "platform-taobao-delivery";

    public string Platform => PlatformNames.Taobao;

    public bool SupportsPartial => true;

    public Task SendAsync(PlatformShipment shipment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        var business = new Dictionary<string, string>
        {
            ["tid"] = shipment.Key.OrderId,
            ["out_sid"] = shipment.TrackingNumber,
            ["company_code"] = shipment.PlatformCarrier,
        };
        if (shipment.Lines is { } lines)
        {
            business["sub_tid"] = string.Join(',', lines.Select(l => l.Line.LineId));
            business["is_split"] = "1";
        }

        var gateway = new TaobaoGateway(http, options.Value, timeProvider ?? TimeProvider.System, logger ?? NullLogger<TaobaoShipmentSender>.Instance);
        return gateway.WriteAsync(TaobaoMethods.LogisticsOfflineSend, shipment.Key.ShopId, business, shipment.Key.InstanceId, cancellationToken);
    }
}
