namespace ServerlessSync.Domain.Platforms.Taobao;

/// <summary>
/// TOP trade <c>status</c> → canonical status. <c>TRADE_CLOSED</c> is "付款以后用户退款成功，交易自动关闭" (refunded after
/// payment); <c>TRADE_CLOSED_BY_TAOBAO</c> is "付款以前，卖家或买家主动关闭交易" (cancelled before payment).
/// </summary>
public static class TaobaoStatusMap
{
    public static OrderStatus? Map(string? status) => status switch
    {
        "TRADE_NO_CREATE_PAY" or "WAIT_BUYER_PAY" or "PAY_PENDING" or "WAIT_PRE_AUTH_CONFIRM" => OrderStatus.PendingPayment,

        // PAID_FORBID_CONSIGN: paid, shipping held (group buying not yet complete); the goods are owed.
        "WAIT_SELLER_SEND_GOODS" or "PAID_FORBID_CONSIGN" => OrderStatus.Paid,

        // TRADE_BUYER_SIGNED (cash on delivery: the buyer signed for the goods) is not yet TRADE_FINISHED.
        "SELLER_CONSIGNED_PART" or "WAIT_BUYER_CONFIRM_GOODS" or "TRADE_BUYER_SIGNED" => OrderStatus.Shipped,
        "TRADE_FINISHED" => OrderStatus.Completed,
        "TRADE_CLOSED" => OrderStatus.Refunded,
        "TRADE_CLOSED_BY_TAOBAO" => OrderStatus.Cancelled,
        _ => null,
    };
}
