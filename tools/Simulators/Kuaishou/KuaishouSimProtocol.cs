namespace ServerlessSync.Simulators.Kuaishou;

// The 快手 protocol facts the simulator plays, declared here from the published docs (shared reference platforms.md and
// loop.md, 快手 sections) rather than taken from the hub, so a wrong constant in the hub's adapter is caught, not mirrored.

/// <summary>The open-API methods the simulator serves (HTTP GET, version 1).</summary>
public static class KuaishouSimApiMethods
{
    public const string OrderDetail = "open.order.detail";
    public const string OrderCursorList = "open.order.cursor.list";

    /// <summary>添加订单插旗备注 (loop.md §1).</summary>
    public const string SellerNoteAdd = "open.seller.order.note.add";

    /// <summary>订单发货 (loop.md §2.2).</summary>
    public const string GoodsDeliver = "open.seller.order.goods.deliver";

    /// <summary>订单拆单发货 (loop.md §2.2).</summary>
    public const string SplitDeliver = "open.order.goods.split.deliver";

    /// <summary>查询商品sku列表.</summary>
    public const string SkuListGet = "open.item.sku.list.get";

    /// <summary>更新在线商品库存 (loop.md §3).</summary>
    public const string SkuStockUpdate = "open.item.sku.stock.update";
}

/// <summary>
/// The envelope's <c>result</c>: 1 is success (documented). The failure codes are guesses, grouped as one SDK (KS-PHP
/// <c>ResponseParser</c>) groups them; the parameter and business codes are the simulator's own choice.
/// </summary>
public static class KuaishouSimApiError
{
    public const long SuccessResult = 1;
    public const long BusinessFailedResult = 2;
    public const long ParameterInvalidResult = 12;
    public const long AppKeyInvalidResult = 21;
    public const long AccessTokenInvalidResult = 24;
    public const long SignMethodInvalidResult = 27;
    public const long SignatureInvalidResult = 28;
    public const long ThrottledResult = 802000;
}

/// <summary>
/// <c>open.order.cursor.list</c>'s documented limits: a range of at most 7 days, begin no earlier than 90 days ago,
/// <c>pageSize</c> at most 50, cursor paging until <c>"nomore"</c>.
/// </summary>
public static class KuaishouSimCursorList
{
    public const int MaxPageSize = 50;
    public const string NoMoreCursor = "nomore";
    public const int QueryByCreateTime = 1;
    public const int QueryByUpdateTime = 2;
    public const int SortDescending = 1;
    public const int SortAscending = 2;
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(7);
    public static readonly TimeSpan MaxLookBack = TimeSpan.FromDays(90);
}

/// <summary><c>open.item.sku.stock.update</c>: "当前库存+ skuChangeStock 不能大于 9999999"; changeType 1 增加, 2 减少.</summary>
public static class KuaishouSimStockLimits
{
    public const long MaxStock = 9_999_999;
    public const int ChangeTypeAdd = 1;
    public const int ChangeTypeSubtract = 2;
}

/// <summary>The push body is Base64 text, not JSON; its content type is not documented, this is the simulator's choice.</summary>
public static class KuaishouSimPushAck
{
    public const string PushContentType = "text/plain; charset=utf-8";
}

/// <summary>The push <c>event</c> values the simulator sends.</summary>
public static class KuaishouSimPushEvents
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
}
