using System.Text.Json.Nodes;
using ServerlessSync.Domain.Platforms.Douyin;

namespace ServerlessSync.Pipeline.Platforms.Douyin;

/// <summary>
/// Ships 抖店 orders (loop.md §2.1, DD): a whole order with <c>/order/logisticsAdd</c> (<c>order_id</c>, <c>company_code</c>,
/// <c>logistics_code</c>; no idempotency key, so the shipment queue reads <c>logistics_info</c> back before every try), some
/// of its sku orders with <c>/order/logisticsAddMultiPack</c> (one pack: <c>shipped_order_info[]</c> {<c>shipped_order_id</c>,
/// <c>shipped_num</c>}) and <c>request_id</c>, with which a repeat after a success returns the first result instead of shipping again.
/// </summary>
public sealed class DouyinShipmentSender(
    HttpClient http,
    IOptions<DouyinApiOptions> options,
    ILogger<DouyinShipmentSender>? logger = null,
    TimeProvider? timeProvider = null) : IPlatformShipmentSender
{
    public const string HttpClientName = "platform-douyin-delivery";
    public const string LogisticsAddPath = "/order/logisticsAdd";
    public const string LogisticsAddMultiPackPath = "/order/logisticsAddMultiPack";

    private readonly ILogger logger = logger ?? NullLogger<DouyinShipmentSender>.Instance;
    private readonly TimeProvider time = timeProvider ?? TimeProvider.System;

    public string Platform => PlatformNames.Douyin;

    public bool SupportsPartial => true;

    public async Task SendAsync(PlatformShipment shipment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        var (path, body) = shipment.Lines is { } lines
            ? (LogisticsAddMultiPackPath, (object)new JsonObject
            {
                ["order_id"] = shipment.Key.OrderId,
                ["request_id"] = shipment.RequestId,
                ["pack_list"] = new JsonArray(new JsonObject
                {
                    ["shipped_order_info"] = new JsonArray(lines.Select(l => (JsonNode)new JsonObject
                    {
                        ["shipped_order_id"] = l.Line.LineId,
                        ["shipped_num"] = l.Quantity,
                    }).ToArray()),
                    ["logistics_code"] = shipment.TrackingNumber,
                    ["company_code"] = shipment.PlatformCarrier,
                }),
            })
            : (LogisticsAddPath, new Dictionary<string, string>
            {
                ["order_id"] = shipment.Key.OrderId,
                ["company_code"] = shipment.PlatformCarrier,
                ["logistics_code"] = shipment.TrackingNumber,
            });
        var answer = await DouyinGateway.PostAsync(http, options.Value, shipment.Key.ShopId, path, body, time.GetUtcNow(), shipment.Key.InstanceId, logger, cancellationToken);
        DouyinApiError? error;
        try
        {
            error = DouyinEnvelope.ErrorOf(answer);
        }
        catch (FormatException ex)
        {
            throw new PlatformRequestException($"Douyin {DouyinApiSigner.MethodFromPath(path)} for {shipment.Key.InstanceId} returned an unreadable answer: {ex.Message}", ex);
        }

        if (error is not null)
        {
            throw DouyinGateway.Refused(error, path, shipment.Key.InstanceId, logger);
        }
    }
}
