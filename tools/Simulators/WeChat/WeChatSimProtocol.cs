namespace ServerlessSync.Simulators.WeChat;

// The 微信小店 protocol facts the simulator plays, declared here from the published docs (shared reference platforms.md
// and loop.md, WeChat sections) rather than taken from the hub, so a wrong constant in the hub's adapter is caught.

/// <summary>The push events the simulator sends and the objects in the decrypted message that name the order.</summary>
public static class WeChatSimPushEvents
{
    public const string OrderNew = "channels_ec_order_new";
    public const string OrderPay = "channels_ec_order_pay";
    public const string OrderCancel = "channels_ec_order_cancel";
    public const string OrderDeliver = "channels_ec_order_deliver";
    public const string OrderConfirm = "channels_ec_order_confirm";
    public const string AfterSaleUpdate = "channels_ec_aftersale_update";

    /// <summary>The body object of order events: <c>order_info{order_id, ...}</c>.</summary>
    public const string OrderInfoField = "order_info";

    /// <summary>The body object of after-sale events: <c>finder_shop_aftersale_status_update{after_sale_order_id, status, order_id}</c>.</summary>
    public const string AfterSaleField = "finder_shop_aftersale_status_update";
}

/// <summary>stock/update's <c>diff_type</c>: 1 add, 2 subtract, 3 set.</summary>
public static class WeChatSimStockDiff
{
    public const int DiffAdd = 1;
    public const int DiffSubtract = 2;
    public const int DiffSet = 3;
}
