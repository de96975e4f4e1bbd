namespace ServerlessSync.Simulators.WeChat;

/// <summary>One simulated 微信小店 order as the platform holds it (amounts in fen, times unix seconds).</summary>
public sealed record WeChatSimOrder
{
    public required string OrderId { get; init; }

    public int Status { get; init; } = WeChatSimStatus.WaitShipping;

    public required long CreateTime { get; init; }

    public long PayTime { get; init; }

    public required long UpdateTime { get; init; }

    public long Freight { get; init; }

    public required IReadOnlyList<WeChatSimLine> Lines { get; init; }

    public string OpenId { get; init; } = "";

    public string FinderId { get; init; } = "";

    public string FinderNickname { get; init; } = "";

    public string LiveId { get; init; } = "";

    /// <summary>1 其他, 2 直播间, 3 短视频, 4 商品分享, 5 橱窗主页, 6 公众号文章商品卡片.</summary>
    public int OrderScene { get; init; } = 2;

    public required WeChatSimAddress Address { get; init; }

    /// <summary>商家备注 (<c>ext_info.merchant_notes</c>) as merchantnotes/update last set it.</summary>
    public string MerchantNotes { get; init; } = "";

    /// <summary>When merchantnotes/update last changed this order (unix ms), for the "updated too often" answer.</summary>
    public long MerchantNotesUpdatedAtMs { get; init; }

    /// <summary>After-sale order id once an after-sale was opened (refund after which the order is cancelled: status 200).</summary>
    public string? AfterSaleOrderId { get; init; }

    /// <summary>The parcels shipped so far (<c>delivery_info.delivery_product_info</c>).</summary>
    public IReadOnlyList<WeChatSimParcel> Parcels { get; init; } = [];

    /// <summary>Units of a line (by product and SKU) shipped so far.</summary>
    public int ShippedOf(WeChatSimLine line) => Parcels.SelectMany(p => p.Items).Where(i => i.ProductId == line.ProductId && i.SkuId == line.SkuId).Sum(i => i.Count);

    /// <summary>商品总价: list price of the sold (non-gift) units.</summary>
    public long ProductPrice => Lines.Where(l => !l.IsFreeGift).Sum(l => l.SalePrice * l.SkuCnt);

    /// <summary>订单金额: what the buyer paid, freight included.</summary>
    public long OrderPrice => Lines.Sum(l => l.RealPrice) + Freight;

    public long DiscountedPrice => ProductPrice - Lines.Sum(l => l.RealPrice);

    /// <summary>商家优惠: the merchant-borne part of <see cref="DiscountedPrice"/>.</summary>
    public long MerchantDiscountedPrice => Lines.Sum(l => l.Discount);

    /// <summary>平台券: the platform-borne part, settled to the merchant later.</summary>
    public long CashCouponDiscountedPrice => Lines.Sum(l => l.PlatformCoupon);
}

/// <summary>One parcel: carrier id, waybill, time and the goods (product, SKU, count) it carries.</summary>
public sealed record WeChatSimParcel(string DeliveryId, string WaybillId, long DeliveryTime, IReadOnlyList<WeChatSimParcelItem> Items);

public sealed record WeChatSimParcelItem(string ProductId, string SkuId, int Count);

/// <summary>One <c>product_infos[]</c> entry.</summary>
public sealed record WeChatSimLine
{
    public required string ProductId { get; init; }

    public required string SkuId { get; init; }

    public required string SkuCode { get; init; }

    public required string Title { get; init; }

    public required int SkuCnt { get; init; }

    /// <summary>售卖单价; 0 for a free gift.</summary>
    public required long SalePrice { get; init; }

    /// <summary>Merchant discount on the whole line.</summary>
    public long Discount { get; init; }

    /// <summary>Platform coupon (平台券) on the whole line: the platform pays it.</summary>
    public long PlatformCoupon { get; init; }

    public bool IsFreeGift { get; init; }

    /// <summary>For a gift: the SKU it is given with (<c>free_gift_info.main_product_list[].sku_id</c>).</summary>
    public string? MainSkuId { get; init; }

    /// <summary>sku实付价格 for the whole line (taken as a line total, so lines plus freight add up to order_price).</summary>
    public long RealPrice => IsFreeGift ? 0 : (SalePrice * SkuCnt) - Discount - PlatformCoupon;
}

/// <summary><c>delivery_info.address_info</c> as the API shows it: masked.</summary>
public sealed record WeChatSimAddress(string UserName, string TelNumber, string Province, string City, string County, string DetailInfo);

/// <summary>微信小店 order status codes.</summary>
public static class WeChatSimStatus
{
    public const int PendingPayment = 10;
    public const int WaitShipping = 20;
    public const int PartlyShipped = 21;
    public const int Shipped = 30;
    public const int Completed = 100;
    public const int OversoldCancelled = 190;
    public const int AfterSaleCancelled = 200;
    public const int Cancelled = 250;

    public static readonly IReadOnlyList<int> All =
        [PendingPayment, WaitShipping, PartlyShipped, Shipped, Completed, OversoldCancelled, AfterSaleCancelled, Cancelled];

    public static string Describe(int status) => status switch
    {
        PendingPayment => "待付款",
        WaitShipping => "待发货",
        PartlyShipped => "部分发货",
        Shipped => "待收货",
        Completed => "完成",
        OversoldCancelled => "商品超卖商家取消订单",
        AfterSaleCancelled => "全部商品售后之后，订单取消",
        Cancelled => "未付款用户主动取消或超时未付款订单自动取消",
        _ => "",
    };
}
