namespace ServerlessSync.Simulators.Taobao;

/// <summary>One simulated Taobao trade as the platform holds it: amounts in fen, times UTC to the second.</summary>
public sealed record TaobaoSimOrder
{
    public required string Tid { get; init; }

    public required string SellerNick { get; init; }

    public string Status { get; init; } = TaobaoSimStatus.WaitSellerSendGoods;

    public required DateTimeOffset Created { get; init; }

    public DateTimeOffset? PayTime { get; init; }

    public required DateTimeOffset Modified { get; init; }

    public DateTimeOffset? ConsignTime { get; init; }

    public DateTimeOffset? EndTime { get; init; }

    public long PostFee { get; init; }

    /// <summary>An order-level shop coupon, spread over the paid lines' <c>divide_order_fee</c>.</summary>
    public long CouponFee { get; init; }

    /// <summary><c>platform_subsidy_fee</c>: a platform-funded discount, spread over the lines like the coupon; Taobao settles it to the shop.</summary>
    public long PlatformSubsidyFee { get; init; }

    /// <summary><c>trade_from</c>: WAP, HITAO, TOP, TAOBAO, JHS, comma-separated.</summary>
    public string TradeFrom { get; init; } = "WAP";

    public string BuyerOpenUid { get; init; } = "";

    public required TaobaoSimReceiver Receiver { get; init; }

    /// <summary>卖家备注 (<c>seller_memo</c>); null when there is none.</summary>
    public string? SellerMemo { get; init; }

    /// <summary>卖家备注旗帜 (<c>seller_flag</c>, 0..5).</summary>
    public int SellerFlag { get; init; }

    /// <summary>Whether taobao.trade.memo.add was called on this trade (it cannot be called twice).</summary>
    public bool MemoAdded { get; init; }

    public required IReadOnlyList<TaobaoSimLine> Lines { get; init; }

    /// <summary>Goods amount: price × num over the lines.</summary>
    public long TotalFee => Lines.Sum(l => l.Price * l.Num);

    /// <summary>What the buyer paid: the lines after every discount, plus freight.</summary>
    public long Payment => Lines.Sum(l => l.DivideOrderFee) + PostFee;
}

/// <summary>One sub-order (<c>orders.order[]</c>) of a simulated trade.</summary>
public sealed record TaobaoSimLine
{
    public required string Oid { get; init; }

    public required string NumIid { get; init; }

    public required string SkuId { get; init; }

    public required string OuterIid { get; init; }

    public required string OuterSkuId { get; init; }

    public required string Title { get; init; }

    public required int Num { get; init; }

    public required long Price { get; init; }

    /// <summary>Line-level discount (子订单级订单优惠).</summary>
    public long DiscountFee { get; init; }

    /// <summary>The line's share of the payment after order-level discounts (分摊之后的实付金额).</summary>
    public long DivideOrderFee { get; init; }

    public bool IsFreeGift { get; init; }

    /// <summary>运单号 (<c>invoice_no</c>) once logistics.offline.send shipped this sub-order; null before.</summary>
    public string? InvoiceNo { get; init; }

    /// <summary>The carrier code it was shipped with (<c>logistics_company</c>).</summary>
    public string? LogisticsCompany { get; init; }

    /// <summary>On a main line: its gift's oid; on a gift line: the main line's oid.</summary>
    public string? GiftMids { get; init; }

    /// <summary><c>order_from</c>: jhs, taobao, wap.</summary>
    public string OrderFrom { get; init; } = "wap";

    public string RefundStatus { get; init; } = "NO_REFUND";

    /// <summary><c>payment</c> of a line of a multi-line trade: price × num + adjust_fee − discount_fee.</summary>
    public long LinePayment => (Price * Num) - DiscountFee;
}

/// <summary>Receiver fields as the API shows them: masked name, phone and street address; plain regions.</summary>
public sealed record TaobaoSimReceiver(string Name, string Mobile, string State, string City, string District, string Town, string Address);

/// <summary>The TOP trade statuses the simulator accepts.</summary>
public static class TaobaoSimStatus
{
    public const string WaitBuyerPay = "WAIT_BUYER_PAY";
    public const string WaitSellerSendGoods = "WAIT_SELLER_SEND_GOODS";
    public const string SellerConsignedPart = "SELLER_CONSIGNED_PART";
    public const string WaitBuyerConfirmGoods = "WAIT_BUYER_CONFIRM_GOODS";
    public const string TradeBuyerSigned = "TRADE_BUYER_SIGNED";
    public const string TradeFinished = "TRADE_FINISHED";
    public const string TradeClosed = "TRADE_CLOSED";
    public const string TradeClosedByTaobao = "TRADE_CLOSED_BY_TAOBAO";

    public static readonly IReadOnlyList<string> All =
    [
        "TRADE_NO_CREATE_PAY", WaitBuyerPay, WaitSellerSendGoods, SellerConsignedPart, WaitBuyerConfirmGoods,
        TradeBuyerSigned, TradeFinished, TradeClosed, TradeClosedByTaobao, "PAY_PENDING", "WAIT_PRE_AUTH_CONFIRM",
    ];
}
