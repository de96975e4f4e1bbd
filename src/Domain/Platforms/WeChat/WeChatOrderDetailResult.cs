namespace ServerlessSync.Domain.Platforms.WeChat;

/// <summary>An <c>order/get</c> answer: the order, or WeChat's error.</summary>
public sealed record WeChatOrderDetailResult(Order? Order, WeChatApiError? Error)
{
    public bool IsSuccess => Order is not null;

    public static WeChatOrderDetailResult Success(Order order) => new(order, null);

    public static WeChatOrderDetailResult Failure(WeChatApiError error) => new(null, error);
}
