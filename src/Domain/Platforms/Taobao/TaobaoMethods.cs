namespace ServerlessSync.Domain.Platforms.Taobao;

/// <summary>The TOP API names the sync calls and the field lists it asks for.</summary>
public static class TaobaoMethods
{
    /// <summary>One trade with its sub-orders (<c>trade_fullinfo_get_response.trade</c>).</summary>
    public const string TradeFullInfoGet = "taobao.trade.fullinfo.get";

    /// <summary>Trades sold whose <c>modified</c> falls in a window (<c>trades_sold_increment_get_response</c>).</summary>
    public const string TradesSoldIncrementGet = "taobao.trades.sold.increment.get";

    /// <summary>Adds the seller memo of a trade that has none; cannot be called twice on a trade (loop.md §1).</summary>
    public const string TradeMemoAdd = "taobao.trade.memo.add";

    /// <summary>Replaces the seller memo (a non-empty <c>memo</c>); may be called repeatedly and also adds a first memo (loop.md §1).</summary>
    public const string TradeMemoUpdate = "taobao.trade.memo.update";

    /// <summary>
    /// 自己联系物流发货 (loop.md §2.4): <c>tid</c>, <c>out_sid</c> (waybill), <c>company_code</c>; for part of a trade
    /// <c>sub_tid</c> (the sub-orders' oids, comma-separated) and <c>is_split</c> 1. Answers <c>shipping.is_success</c>.
    /// </summary>
    public const string LogisticsOfflineSend = "taobao.logistics.offline.send";

    /// <summary>
    /// 宝贝/SKU库存修改 (loop.md §3, TB <c>TaobaoItemQuantityUpdateAPIRequest.go</c>): <c>num_iid</c> and <c>quantity</c> required,
    /// <c>sku_id</c> for a SKU's stock, <c>type</c> 1 full (default) or 2 incremental. Answers <c>item</c> with the SKU's <c>quantity</c>.
    /// </summary>
    public const string ItemQuantityUpdate = "taobao.item.quantity.update";

    /// <summary>A memo is at most 1000 bytes.</summary>
    public const int MaxMemoBytes = 1000;

    /// <summary>
    /// What <see cref="TradeFullInfoGet"/> is asked to return; <c>orders</c> returns every sub-order field. Receiver fields
    /// come back as the platform masks/encrypts them and are stored that way (DESIGN D6).
    /// </summary>
    public const string FullInfoFields =
        "tid,tid_str,status,type,created,pay_time,modified,consign_time,end_time," +
        "payment,total_fee,post_fee,discount_fee,adjust_fee,trade_from,seller_nick,buyer_open_uid," +
        "receiver_name,receiver_mobile,receiver_phone,receiver_state,receiver_city,receiver_district,receiver_town,receiver_address," +
        "seller_memo,orders";

    /// <summary>The incremental list only has to say which trades changed and when.</summary>
    public const string IncrementFields = "tid,status,modified";
}
