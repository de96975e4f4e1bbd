namespace ServerlessSync.Domain.Platforms.Kuaishou;

/// <summary>
/// 快手 order <c>status</c>: 10 待付款, 30 已付款, 40 已发货, 50 已签收, 70 订单成功, 80 订单失败 (a cancelled order turns
/// into 订单失败); refund status 60 is 退款成功.
/// </summary>
public static class KuaishouStatusMap
{
    public const int PendingPayment = 10;
    public const int Paid = 30;
    public const int Shipped = 40;
    public const int Received = 50;
    public const int Success = 70;
    public const int Failed = 80;

    public const int RefundSucceeded = 60;

    /// <summary>
    /// 订单失败 covers both a cancel and a full refund; it is read as <see cref="OrderStatus.Refunded"/> when a refund of
    /// the order succeeded, else <see cref="OrderStatus.Cancelled"/>. A successful refund on a live order (e.g. a price
    /// protection refund) does not change the order's status. 已签收 is still <see cref="OrderStatus.Shipped"/>: the
    /// trade completes at 订单成功.
    /// </summary>
    public static OrderStatus? Map(long status, bool refundSucceeded) => status switch
    {
        PendingPayment => OrderStatus.PendingPayment,
        Paid => OrderStatus.Paid,
        Shipped or Received => OrderStatus.Shipped,
        Success => OrderStatus.Completed,
        Failed => refundSucceeded ? OrderStatus.Refunded : OrderStatus.Cancelled,
        _ => null,
    };
}
