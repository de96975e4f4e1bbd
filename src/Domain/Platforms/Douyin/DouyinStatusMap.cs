namespace ServerlessSync.Domain.Platforms.Douyin;

/// <summary>
/// 抖店 <c>order_status</c>: 1 待确认/待支付, 105 已支付, 2 备货中, 101 部分发货, 3 已发货, 4 已取消, 5 已完成;
/// <c>main_status</c> 21/22/39 are the refund-completed end states (before shipping, after shipping, after receipt).
/// </summary>
public static class DouyinStatusMap
{
    public static OrderStatus? Map(long orderStatus, long? mainStatus)
    {
        if (mainStatus is 21 or 22 or 39)
        {
            return OrderStatus.Refunded;
        }

        return orderStatus switch
        {
            1 => OrderStatus.PendingPayment,
            105 or 2 => OrderStatus.Paid,
            101 or 3 => OrderStatus.Shipped,
            5 => OrderStatus.Completed,
            4 => OrderStatus.Cancelled,
            _ => null,
        };
    }
}
