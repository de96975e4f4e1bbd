using ServerlessSync.Domain.Platforms.WeChat;

namespace ServerlessSync.Pipeline.Platforms.WeChat;

/// <summary>
/// Reads one order through 微信小店 <c>POST /channels/ec/order/get {"order_id": "..."}</c> (the id as a string: it
/// exceeds 2^53). Messages carry ids and error codes only, never buyer data.
/// </summary>
public sealed class WeChatOrderClient(WeChatApi api) : IPlatformOrderClient
{
    public string Platform => PlatformNames.WeChat;

    public async Task<Order> GetOrderAsync(OrderKey key, CancellationToken cancellationToken)
    {
        var body = await api.PostAsync(key.ShopId, WeChatApiPaths.OrderGet, WeChatOrderParser.DetailRequest(key.OrderId), key.InstanceId, cancellationToken);
        WeChatOrderDetailResult result;
        try
        {
            result = WeChatOrderParser.ParseDetailResponse(body, key.ShopId);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            throw new PlatformRequestException($"WeChat order/get for {key.InstanceId} returned an unreadable order: {ex.Message}", ex);
        }

        var order = result.Order ?? throw new PlatformRequestException($"WeChat order/get for {key.InstanceId} failed: {result.Error}.");
        return order.Key.OrderId == key.OrderId
            ? order
            : throw new PlatformRequestException($"WeChat order/get for {key.InstanceId} returned order {order.Key.OrderId}.");
    }
}
