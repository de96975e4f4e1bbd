using ServerlessSync.Domain.Platforms.Kuaishou;

namespace ServerlessSync.Pipeline.Platforms.Kuaishou;

/// <summary>
/// Reads one order through 快手 <c>open.order.detail</c>: GET <c>/open/order/detail</c> with the signed system parameters
/// and <c>param = {"oid": ...}</c>, signed with the shop's access token.
/// </summary>
public sealed class KuaishouOrderClient(
    HttpClient http,
    IOptions<KuaishouOptions> options,
    ILogger<KuaishouOrderClient>? logger = null,
    TimeProvider? timeProvider = null) : IPlatformOrderClient
{
    public const string HttpClientName = "platform-kuaishou";

    private readonly ILogger logger = logger ?? NullLogger<KuaishouOrderClient>.Instance;
    private readonly TimeProvider time = timeProvider ?? TimeProvider.System;

    public string Platform => PlatformNames.Kuaishou;

    public async Task<Order> GetOrderAsync(OrderKey key, CancellationToken cancellationToken)
    {
        const string method = KuaishouApiMethods.OrderDetail;
        if (!long.TryParse(key.OrderId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var oid))
        {
            throw new PlatformRequestException($"Kuaishou order id {key.OrderId} of {key.InstanceId} is not an integer.");
        }

        // oid is a JSON number in the API; parsed as long, never a double, so every digit survives.
        var body = await KuaishouGateway.GetAsync(
            http, options.Value, key.ShopId, method, new Dictionary<string, long> { ["oid"] = oid }, time.GetUtcNow(),
            key.InstanceId, logger, cancellationToken);

        KuaishouOrderDetailResult result;
        try
        {
            result = KuaishouOrderParser.ParseDetailResponse(body, key.ShopId);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            throw KuaishouGateway.Unreadable(ex, method, key.InstanceId);
        }

        if (result.Error is { } error)
        {
            throw KuaishouGateway.Refused(error, method, key.InstanceId, logger);
        }

        var order = result.Order!;
        if (order.Key.OrderId != key.OrderId)
        {
            throw new PlatformRequestException($"Kuaishou {method} for {key.InstanceId} returned order {order.Key.OrderId}.");
        }

        return order;
    }
}
