using ServerlessSync.Domain.Platforms.Taobao;

namespace ServerlessSync.Pipeline.Platforms.Taobao;

/// <summary>
/// Reads one trade through <c>taobao.trade.fullinfo.get</c> (<c>tid</c> and the <see cref="TaobaoMethods.FullInfoFields"/>)
/// with the shop's session key. Logs and exception messages carry ids and codes only, never buyer data.
/// </summary>
public sealed class TaobaoOrderClient(
    HttpClient http,
    IOptions<TaobaoOptions> options,
    ILogger<TaobaoOrderClient>? logger = null,
    TimeProvider? timeProvider = null) : IPlatformOrderClient
{
    public const string HttpClientName = "platform-taobao";

    private readonly TaobaoGateway gateway = new(
        http, options.Value, timeProvider ?? TimeProvider.System, logger ?? (ILogger)NullLogger<TaobaoOrderClient>.Instance);

    public string Platform => PlatformNames.Taobao;

    public async Task<Order> GetOrderAsync(OrderKey key, CancellationToken cancellationToken)
    {
        const string method = TaobaoMethods.TradeFullInfoGet;
        var body = await gateway.CallAsync(
            method,
            key.ShopId,
            new Dictionary<string, string> { ["tid"] = key.OrderId, ["fields"] = TaobaoMethods.FullInfoFields },
            key.InstanceId,
            cancellationToken);

        TaobaoTradeResult result;
        try
        {
            result = TaobaoTradeParser.ParseFullInfoResponse(body, key.ShopId);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            throw TaobaoGateway.Unreadable(method, key.InstanceId, ex);
        }

        if (result.Error is { } error)
        {
            throw gateway.Fail(method, key.InstanceId, error);
        }

        var order = result.Order!;
        return order.Key.OrderId == key.OrderId
            ? order
            : throw new PlatformRequestException($"Taobao {method} for {key.InstanceId} returned trade {order.Key.OrderId}.");
    }
}
