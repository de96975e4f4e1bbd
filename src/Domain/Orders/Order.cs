namespace ServerlessSync.Domain.Orders;

/// <summary>
/// The canonical order every platform adapter produces. Money is in fen (long); times are UTC.
/// Buyer data is limited to the platform's open id and the platform's own masked receiver fields.
/// </summary>
public sealed record Order
{
    public required OrderKey Key { get; init; }

    public required OrderStatus Status { get; init; }

    /// <summary>The platform's own status code, kept for diagnostics.</summary>
    public string PlatformStatus { get; init; } = "";

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? PaidAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Goods amount before discounts, in fen.</summary>
    public long OrderAmountFen { get; init; }

    /// <summary>What the buyer paid, freight included, in fen.</summary>
    public required long PaidAmountFen { get; init; }

    /// <summary>The freight the buyer paid, in fen: part of <see cref="PaidAmountFen"/>, not of any line.</summary>
    public long FreightFen { get; init; }

    /// <summary>Every reduction from list price to what the buyer paid, in fen, whoever bears it.</summary>
    public long DiscountFen { get; init; }

    /// <summary>The part of <see cref="DiscountFen"/> the merchant bears (shop coupons, shop activities, price cuts).</summary>
    public long MerchantDiscountFen { get; init; }

    /// <summary>
    /// The part of <see cref="DiscountFen"/> the merchant does not bear (platform coupons and subsidies, 达人 coupons):
    /// the buyer did not pay it and the platform settles it to the merchant later.
    /// </summary>
    public long PlatformSubsidyFen { get; init; }

    public string BuyerOpenId { get; init; } = "";

    public MaskedReceiver Receiver { get; init; } = MaskedReceiver.Empty;

    public MarketingTags Tags { get; init; } = MarketingTags.None;

    public required IReadOnlyList<OrderLine> Lines { get; init; }

    /// <summary>
    /// The shop's own note on the order as the platform shows it (抖店 <c>seller_words</c>, 快手 <c>orderNote</c> entries one a
    /// line, 微信小店 <c>merchant_notes</c>, 淘宝 <c>seller_memo</c>); null when there is none. Read before the ERP number is added.
    /// </summary>
    public string? SellerNote { get; init; }

    /// <summary>
    /// The waybill numbers the platform order already carries (抖店 <c>logistics_info[].tracking_no</c>, 快手
    /// <c>logisticsInfo[].expressNo</c>, 微信小店 <c>delivery_product_info[].waybill_id</c>, 淘宝 <c>orders[].invoice_no</c>),
    /// read before a shipment is sent so a retry never ships twice.
    /// </summary>
    public IReadOnlyList<string> TrackingNumbers { get; init; } = [];

    public long LinesPaidFen => Lines.Sum(l => l.PaidAmountFen);
}

/// <summary>One sold SKU of an order.</summary>
public sealed record OrderLine
{
    public required string LineId { get; init; }

    public string ProductId { get; init; } = "";

    public required string SkuId { get; init; }

    /// <summary>The merchant's own code for the SKU (Douyin <c>code</c>/<c>out_sku_id</c>, Taobao <c>outer_sku_id</c>...).</summary>
    public string? MerchantCode { get; init; }

    public string Title { get; init; } = "";

    public required int Quantity { get; init; }

    /// <summary>List price of one unit, in fen.</summary>
    public long UnitPriceFen { get; init; }

    /// <summary>What the buyer paid for this line after discounts, in fen.</summary>
    public required long PaidAmountFen { get; init; }

    public bool IsGift { get; init; }

    /// <summary>For a gift line: the line ids it was given with.</summary>
    public IReadOnlyList<string> GiftForLineIds { get; init; } = [];

    /// <summary>Components of a bundle (组套/组合装) SKU as the platform reports them; empty otherwise.</summary>
    public IReadOnlyList<BundleComponent> Bundle { get; init; } = [];

    public string? AnchorId { get; init; }

    public string? AnchorName { get; init; }

    public string? LiveRoomId { get; init; }
}

public sealed record BundleComponent(string SkuId, string? MerchantCode, string Title, int Quantity);

/// <summary>Receiver fields exactly as the platform masks them (e.g. "张**", "138****0000"). Never decrypted here.</summary>
public sealed record MaskedReceiver(string? Name, string? Phone, string? Province, string? City, string? District, string? Detail)
{
    public static readonly MaskedReceiver Empty = new(null, null, null, null, null, null);

    public bool IsMissing => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Detail);
}

/// <summary>Where a sale came from: anchor (达人/主播), live room, channel.</summary>
public sealed record MarketingTags(string? AnchorId, string? AnchorName, string? LiveRoomId, string? Channel)
{
    public static readonly MarketingTags None = new(null, null, null, null);
}
