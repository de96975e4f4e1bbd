namespace ServerlessSync.Domain.Platforms.WeChat;

/// <summary>
/// 微信小店 order <c>status</c>: 10 待付款, 20 待发货, 21 部分发货, 30 待收货, 100 完成, 190 商品超卖商家取消,
/// 200 全部商品售后后取消 (the money went back: refunded), 250 用户主动取消/超时取消/商家取消.
/// </summary>
public static class WeChatStatusMap
{
    public const int PendingPayment = 10;
    public const int WaitShipping = 20;
    public const int PartlyShipped = 21;
    public const int Shipped = 30;
    public const int Completed = 100;
    public const int OversoldCancelled = 190;
    public const int AfterSaleCancelled = 200;
    public const int Cancelled = 250;

    public static OrderStatus? Map(long status) => status switch
    {
        PendingPayment => OrderStatus.PendingPayment,
        WaitShipping => OrderStatus.Paid,
        PartlyShipped or Shipped => OrderStatus.Shipped,
        Completed => OrderStatus.Completed,
        OversoldCancelled or Cancelled => OrderStatus.Cancelled,
        AfterSaleCancelled => OrderStatus.Refunded,
        _ => null,
    };
}
