namespace ServerlessSync.Domain.Platforms.Kuaishou;

/// <summary>
/// The push <c>event</c> values the sync cares about and the readable event names they are recorded under. Other events
/// (notes, address audits...) are acknowledged without an order event.
/// </summary>
public static class KuaishouPushEvents
{
    public const string OrderAdded = "kwaishop_order_addOrder";
    public const string OrderPaid = "kwaishop_order_paySuccess";
    public const string OrderDelivering = "kwaishop_order_delivering";
    public const string OrderDelivered = "kwaishop_order_deliverySuccess";
    public const string OrderSuccess = "kwaishop_order_orderSuccess";
    public const string OrderFail = "kwaishop_order_orderFail";
    public const string OrderFeeChanged = "kwaishop_order_totalFeeChange";
    public const string RefundAdded = "kwaishop_aftersales_addRefund";
    public const string RefundUpdated = "kwaishop_aftersales_updateRefund";

    /// <param name="OrderIdInInfo">
    /// After-sale events name the order in <c>info.orderId</c>; their envelope <c>bizId</c> is taken to be the refund id (G).
    /// Order events carry the order id in <c>bizId</c>.
    /// </param>
    public sealed record EventInfo(string Event, string EventName, bool OrderIdInInfo);

    private static readonly Dictionary<string, EventInfo> Known = new[]
    {
        new EventInfo(OrderAdded, "trade.created", false),
        new EventInfo(OrderPaid, "trade.paid", false),
        new EventInfo(OrderDelivering, "trade.shipped", false),
        new EventInfo(OrderDelivered, "trade.received", false),
        new EventInfo(OrderSuccess, "trade.success", false),
        new EventInfo(OrderFail, "trade.cancelled", false),
        new EventInfo(OrderFeeChanged, "trade.amount_changed", false),
        new EventInfo(RefundAdded, "refund.created", true),
        new EventInfo(RefundUpdated, "refund.updated", true),
    }.ToDictionary(e => e.Event, StringComparer.Ordinal);

    /// <summary>The event's description, or null for an event the sync ignores.</summary>
    public static EventInfo? Find(string? eventName) => eventName is null ? null : Known.GetValueOrDefault(eventName);

    public static IReadOnlyCollection<string> OrderEvents => Known.Keys;
}
