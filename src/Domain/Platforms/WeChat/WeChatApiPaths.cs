namespace ServerlessSync.Domain.Platforms.WeChat;

/// <summary>
/// The WeChat API paths used, relative to the API host. Order calls are POSTs with <c>?access_token=</c> and a JSON body;
/// the token call is the standard <c>GET /cgi-bin/token?grant_type=client_credential&amp;appid=&amp;secret=</c>
/// (WxJava's <c>GET_ACCESS_TOKEN_URL</c>; the reference names only the <c>access_token</c> parameter).
/// </summary>
public static class WeChatApiPaths
{
    public const string Token = "/cgi-bin/token";
    public const string OrderGet = "/channels/ec/order/get";
    public const string OrderList = "/channels/ec/order/list/get";

    /// <summary>Sets the order's 商家备注, replacing it (loop.md §1).</summary>
    public const string MerchantNotesUpdate = "/channels/ec/order/merchantnotes/update";

    public const string AccessTokenParam = "access_token";
    public const string GrantType = "client_credential";

    /// <summary>发货 (loop.md §2.3): <c>order_id</c>, <c>delivery_list[]</c> {<c>delivery_id</c>, <c>waybill_id</c>, <c>deliver_type</c>, <c>product_infos[]</c>}.</summary>
    public const string DeliverySend = "/channels/ec/order/delivery/send";

    /// <summary>获取库存 (loop.md §3): <c>product_id</c>, <c>sku_id</c> (strings) → <c>data.normal_stock_num</c> (通用库存).</summary>
    public const string StockGet = "/channels/ec/product/stock/get";

    /// <summary>快速更新库存 (loop.md §3): <c>product_id</c>, <c>sku_id</c> (strings), <c>diff_type</c> (1 增加, 2 减少, 3 设置), <c>num</c>.</summary>
    public const string StockUpdate = "/channels/ec/product/stock/update";
}
