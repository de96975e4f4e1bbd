namespace ServerlessSync.Domain.Platforms.Taobao;

/// <summary>A <c>taobao.trade.fullinfo.get</c> answer: the order, or the platform's error response.</summary>
public sealed record TaobaoTradeResult(Order? Order, TaobaoApiError? Error)
{
    public bool IsSuccess => Order is not null;

    public static TaobaoTradeResult Success(Order order) => new(order, null);

    public static TaobaoTradeResult Failure(TaobaoApiError error) => new(null, error);
}
