namespace ServerlessSync.Simulators.Kuaishou;

/// <summary>
/// One simulated 快手 order as the platform holds it: a single SKU (<see cref="Item"/>) plus gift 附属单, amounts in fen,
/// times unix milliseconds.
/// </summary>
public sealed record KuaishouSimOrder
{
    public required string Oid { get; init; }

    public required string SellerId { get; init; }

    public int Status { get; init; } = KuaishouSimStatus.Paid;

    /// <summary>The latest refund's status (60 = 退款成功), or null when the order has no refund.</summary>
    public int? RefundStatus { get; init; }

    public string? RefundId { get; init; }

    public required long CreateTime { get; init; }

    public long PayTime { get; init; }

    public required long UpdateTime { get; init; }

    public required KuaishouSimItem Item { get; init; }

    public IReadOnlyList<KuaishouSimGift> Gifts { get; init; } = [];

    /// <summary>The order's discount (the single SKU's promotions), in fen.</summary>
    public long DiscountFee { get; init; }

    public long ExpressFee { get; init; }

    public string BuyerOpenId { get; init; } = "";

    public string SellerOpenId { get; init; } = "";

    /// <summary>1 普通, 2 分销.</summary>
    public int CpsType { get; init; } = 1;

    public string? DistributorId { get; init; }

    public string? DistributorName { get; init; }

    /// <summary>1 货主, 2 达人, 3 授权号.</summary>
    public int SellerRoleType { get; init; } = 1;

    public required string SellerRoleId { get; init; }

    public required string SellerRoleName { get; init; }

    /// <summary>2 直播间, 1 短视频...</summary>
    public int CarrierType { get; init; } = 2;

    public string CarrierId { get; init; } = "0";

    public required KuaishouSimReceiver Receiver { get; init; }

    /// <summary>The seller's notes as <c>open.seller.order.note.add</c> added them, oldest first.</summary>
    public IReadOnlyList<KuaishouSimNote> Notes { get; init; } = [];

    /// <summary>The parcels shipped so far (<c>orderLogisticsInfo</c>).</summary>
    public IReadOnlyList<KuaishouSimParcel> Parcels { get; init; } = [];

    /// <summary>Units of the main order (its <see cref="Oid"/>) or of a gift order shipped so far.</summary>
    public int ShippedOf(string oid) => Parcels.SelectMany(p => p.Items).Where(i => i.Oid == oid).Sum(i => i.Num);

    /// <summary>Each order id that ships (the main order, then the gifts) with its units.</summary>
    public IEnumerable<(string Oid, int Num)> Shippable => new[] { (Oid, Item.Num) }.Concat(Gifts.Select(g => (g.Oid, g.Item.Num)));

    /// <summary>订单商品总价: list price × quantity.</summary>
    public long TotalFee => Item.OriginalPrice * Item.Num;

    /// <summary>What the buyer paid: goods after the discount, plus freight.</summary>
    public long PayAmount => TotalFee - DiscountFee + ExpressFee;
}

/// <summary>One <c>orderNote.orderNoteInfo[]</c> entry: time (unix ms), text, flag colour (0..6), who wrote it.</summary>
public sealed record KuaishouSimNote(long CreateTime, string Note, int FlagTagCode, string OperatorName);

/// <summary>One parcel: its logistics id, carrier code, waybill and the order ids (main or gift) with units it carries.</summary>
public sealed record KuaishouSimParcel(long LogisticsId, long ExpressCode, string ExpressNo, IReadOnlyList<KuaishouSimParcelItem> Items);

public sealed record KuaishouSimParcelItem(string Oid, int Num);

/// <summary>The order's SKU as <c>orderItemInfo</c> shows it.</summary>
public sealed record KuaishouSimItem(string SkuId, string ItemId, string SkuNick, string Title, int Num, long OriginalPrice);

/// <summary>A gift 附属单 (<c>subOrderType</c> 2) with its own order id.</summary>
public sealed record KuaishouSimGift(string Oid, KuaishouSimItem Item);

/// <summary>Receiver data: desensitised values as the API shows them, plus cipher texts standing in for the encrypted fields.</summary>
public sealed record KuaishouSimReceiver(
    string DesensitiseConsignee,
    string DesensitiseMobile,
    string Province,
    string City,
    string District,
    string Town,
    string DesensitiseAddress,
    string EncryptedConsignee,
    string EncryptedMobile,
    string EncryptedAddress);

/// <summary>快手 order <c>status</c> and refund status codes the simulator uses.</summary>
public static class KuaishouSimStatus
{
    public const int PendingPayment = 10;
    public const int Paid = 30;
    public const int Shipped = 40;
    public const int Received = 50;
    public const int Success = 70;
    public const int Failed = 80;

    public const int RefundSucceeded = 60;

    public static readonly IReadOnlySet<int> All = new HashSet<int> { PendingPayment, Paid, Shipped, Received, Success, Failed };

    public static string Describe(int status) => status switch
    {
        PendingPayment => "待付款",
        Paid => "已付款",
        Shipped => "已发货",
        Received => "已签收",
        Success => "订单成功",
        Failed => "订单失败",
        _ => "未知",
    };
}
