namespace ServerlessSync.Domain.Platforms.WeChat;

/// <summary>
/// The 微信小店 push events the sync reacts to and the object in the decrypted message that names the order. Each of
/// them only says "order X changed"; the sync then reads the order itself.
/// </summary>
public static class WeChatPushEvents
{
    public const string OrderNew = "channels_ec_order_new";
    public const string OrderPay = "channels_ec_order_pay";
    public const string OrderCancel = "channels_ec_order_cancel";
    public const string OrderWaitShipping = "channels_ec_order_wait_shipping";
    public const string OrderDeliver = "channels_ec_order_deliver";
    public const string OrderConfirm = "channels_ec_order_confirm";
    public const string OrderSettle = "channels_ec_order_settle";
    public const string OrderExtInfoUpdate = "channels_ec_order_ext_info_update";
    public const string AfterSaleUpdate = "channels_ec_aftersale_update";

    /// <summary>The body object of order events: <c>order_info{order_id, ...}</c>.</summary>
    public const string OrderInfoField = "order_info";

    /// <summary>The body object of after-sale events: <c>finder_shop_aftersale_status_update{after_sale_order_id, status, order_id}</c>.</summary>
    public const string AfterSaleField = "finder_shop_aftersale_status_update";

    public static readonly IReadOnlyList<string> OrderEvents =
        [OrderNew, OrderPay, OrderCancel, OrderWaitShipping, OrderDeliver, OrderConfirm, OrderSettle, OrderExtInfoUpdate];

    /// <summary>The object holding <c>order_id</c> for an event the sync reacts to, or null for any other event.</summary>
    public static string? BodyField(string? eventName) =>
        eventName == AfterSaleUpdate ? AfterSaleField
        : eventName is not null && OrderEvents.Contains(eventName) ? OrderInfoField
        : null;
}
