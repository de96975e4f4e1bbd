namespace ServerlessSync.Simulators.Douyin;

/// <summary>One simulated 抖店 shop order as the platform holds it (amounts in fen, times unix seconds).</summary>
public sealed record DouyinSimOrder
{
    public required string OrderId { get; init; }

    public required string ShopId { get; init; }

    public int OrderStatus { get; init; } = DouyinSimStatus.Paid;

    public int MainStatus { get; init; } = DouyinSimStatus.Paid;

    public required long CreateTime { get; init; }

    public long PayTime { get; init; }

    public required long UpdateTime { get; init; }

    public long PostAmount { get; init; }

    public required IReadOnlyList<DouyinSimLine> Lines { get; init; }

    public string DoudianOpenId { get; init; } = "";

    public int BType { get; init; } = 2;

    public int CBiz { get; init; } = 8;

    public required DouyinSimReceiver Receiver { get; init; }

    /// <summary>商家备注 as order.addOrderRemark last set it (<c>seller_words</c>); empty when none.</summary>
    public string SellerWords { get; init; } = "";

    /// <summary>The flag colour (<c>seller_remark_stars</c>, 0..5).</summary>
    public int SellerRemarkStars { get; init; }

    /// <summary>The parcels shipped so far (<c>logistics_info</c>), by logisticsAdd or logisticsAddMultiPack.</summary>
    public IReadOnlyList<DouyinSimParcel> Parcels { get; init; } = [];

    /// <summary>Units of a sku order shipped so far.</summary>
    public int ShippedOf(string skuOrderId) => Parcels.SelectMany(p => p.Items).Where(i => i.SkuOrderId == skuOrderId).Sum(i => i.Num);

    /// <summary>Goods amount before discounts: the sum of <c>origin_amount × item_num</c>.</summary>
    public long OrderAmount => Lines.Sum(l => l.SumAmount);

    /// <summary>Every discount (<c>promotion_amount</c>): the shop's plus the platform's.</summary>
    public long PromotionAmount => Lines.Sum(l => l.PromotionAmount + l.PlatformPromotionAmount);

    /// <summary>Discounts the shop runs and pays for (<c>promotion_shop_amount</c>, <c>shop_cost_amount</c>).</summary>
    public long ShopCostAmount => Lines.Sum(l => l.PromotionAmount);

    /// <summary>Platform coupons the platform pays for (<c>promotion_platform_amount</c>, <c>platform_cost_amount</c>).</summary>
    public long PlatformCostAmount => Lines.Sum(l => l.PlatformPromotionAmount);

    /// <summary>What the buyer paid: the lines after discounts plus freight.</summary>
    public long PayAmount => Lines.Sum(l => l.PayAmount) + PostAmount;
}

/// <summary>One shipped parcel: carrier code, waybill, time and which sku orders (with units) it carries.</summary>
public sealed record DouyinSimParcel(string DeliveryId, string CompanyCode, string TrackingNo, long ShipTime, IReadOnlyList<DouyinSimParcelItem> Items);

public sealed record DouyinSimParcelItem(string SkuOrderId, int Num);

/// <summary>One sku order (line) of a simulated order.</summary>
public sealed record DouyinSimLine
{
    public required string OrderId { get; init; }

    public required string ParentOrderId { get; init; }

    public required string SkuId { get; init; }

    public required string ProductId { get; init; }

    public required string Code { get; init; }

    public required string ProductName { get; init; }

    public required int ItemNum { get; init; }

    public required long OriginAmount { get; init; }

    /// <summary>The shop's discount on this line.</summary>
    public long PromotionAmount { get; init; }

    /// <summary>The platform's coupon on this line (the platform settles it to the shop later).</summary>
    public long PlatformPromotionAmount { get; init; }

    /// <summary><c>MASTER</c>, <c>FREE</c> or null for a line without a gift binding.</summary>
    public string? GivenProductType { get; init; }

    public IReadOnlyList<string> MasterSkuOrderIds { get; init; } = [];

    public string? AuthorId { get; init; }

    public string? AuthorName { get; init; }

    public string? RoomId { get; init; }

    public long SumAmount => OriginAmount * ItemNum;

    public long PayAmount => SumAmount - PromotionAmount - PlatformPromotionAmount;
}

/// <summary>Receiver data: masked values as the API shows them, plus cipher texts standing in for the encrypted fields.</summary>
public sealed record DouyinSimReceiver(
    string MaskName,
    string MaskTel,
    string Province,
    string City,
    string Town,
    string Street,
    string MaskDetail,
    string EncryptName,
    string EncryptTel,
    string EncryptDetail);

/// <summary>抖店 <c>order_status</c> / <c>main_status</c> codes the simulator uses.</summary>
public static class DouyinSimStatus
{
    public const int PendingPayment = 1;
    public const int Paid = 105;
    public const int Preparing = 2;
    public const int PartlyShipped = 101;
    public const int Shipped = 3;
    public const int Cancelled = 4;
    public const int Completed = 5;
    public const int RefundedBeforeShipping = 21;
    public const int RefundedAfterShipping = 22;
    public const int RefundedAfterReceipt = 39;

    public static string Describe(int status) => status switch
    {
        PendingPayment => "待支付",
        Paid => "已支付",
        Preparing => "备货中",
        PartlyShipped => "部分发货",
        Shipped => "已发货",
        Cancelled => "已取消",
        Completed => "已完成",
        RefundedBeforeShipping => "发货前退款完结",
        RefundedAfterShipping => "发货后退款完结",
        RefundedAfterReceipt => "收货后退款完结",
        _ => "",
    };
}
