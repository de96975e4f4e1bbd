using ServerlessSync.Domain.Platforms.Douyin;

namespace ServerlessSync.Pipeline.Platforms.Douyin;

/// <summary>
/// Reads one order through 抖店 <c>order.orderDetail</c>: POST <c>/order/orderDetail</c> with the signed query string and
/// <c>{"shop_order_id": ...}</c> as <c>param_json</c>. Logs and exception messages carry ids and codes only, never buyer data.
/// </summary>
public sealed class DouyinOrderClient(
    HttpClient http,
    IOptions<DouyinApiOptions> options,
    ILogger<DouyinOrderClient>? logger = null,
    TimeProvider? timeProvider = null) : IPlatformOrderClient
{
    public const string HttpClientName = "platform-douyin";
    public const string OrderDetailPath = "/order/orderDetail";

    private readonly ILogger logger = logger ?? NullLogger<DouyinOrderClient>.Instance;
    private readonly TimeProvider time = timeProvider ?? TimeProvider.System;

    public string Platform => PlatformNames.Douyin;

    public async Task<Order> GetOrderAsync(OrderKey key, CancellationToken cancellationToken)
    {
        var body = await DouyinGateway.PostAsync(
            http, options.Value, key.ShopId, OrderDetailPath, new Dictionary<string, string> { ["shop_order_id"] = key.OrderId },
            time.GetUtcNow(), key.InstanceId, logger, cancellationToken);

        DouyinOrderDetailResult result;
        try
        {
            result = DouyinOrderParser.ParseDetailResponse(body, key.ShopId);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            throw new PlatformRequestException($"Douyin order.orderDetail for {key.InstanceId} returned an unreadable order: {ex.Message}", ex);
        }

        if (result.Error is { } error)
        {
            throw DouyinGateway.Refused(error, OrderDetailPath, key.InstanceId, logger);
        }

        var order = result.Order!;
        if (order.Key.OrderId != key.OrderId)
        {
            throw new PlatformRequestException($"Douyin order.orderDetail for {key.InstanceId} returned order {order.Key.OrderId}.");
        }

        return order;
    }
}
