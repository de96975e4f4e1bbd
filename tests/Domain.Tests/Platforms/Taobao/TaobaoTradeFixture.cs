namespace ServerlessSync.Domain.Tests.Platforms.Taobao;

/// <summary>
/// Hand-written <c>taobao.trade.fullinfo.get</c> answers with the documented field names (TOP JSON: ids as numbers with
/// <c>*_str</c> twins, money as yuan strings, Beijing times, <c>orders.order[]</c>). Values are invented.
/// </summary>
internal static class TaobaoTradeFixture
{
    public const string Tid = "3512345678901234567";
    public const string MainOid = "3512345678901234568";
    public const string CreamOid = "3512345678901234569";
    public const string GiftOid = "3512345678901234570";

    /// <summary>
    /// Two paid lines and a free gift: lipstick 2 × 99.00 less 2.00, cream 1 × 259.00, a mask given with the lipstick;
    /// an 11.00 shop coupon spread over the paid lines (divide_order_fee 191.10 and 252.90), 6.00 freight, paid 450.00.
    /// </summary>
    public const string MultiLineWithGift = """
        {"trade_fullinfo_get_response":{"trade":{
          "tid":3512345678901234567,"tid_str":"3512345678901234567","status":"WAIT_SELLER_SEND_GOODS","type":"fixed",
          "created":"2024-06-18 20:00:01","pay_time":"2024-06-18 20:00:09","modified":"2024-06-18 20:00:10",
          "payment":"450.00","total_fee":"457.00","post_fee":"6.00","discount_fee":"11.00","adjust_fee":"0.00",
          "trade_from":"WAP,JHS","seller_nick":"tb_shop_01","buyer_open_uid":"AAHk5d-EAAeGwJedwSHu3Pi3",
          "receiver_name":"*三","receiver_mobile":"*******0000","receiver_state":"浙江省","receiver_city":"杭州市",
          "receiver_district":"西湖区","receiver_town":"文新街道","receiver_address":"**路**号",
          "orders":{"order":[
            {"oid":3512345678901234568,"oid_str":"3512345678901234568","num_iid":610000000001,"sku_id":"4500000000001",
             "outer_iid":"ITEM-LIP","outer_sku_id":"SKU-LIP-01","title":"丝绒口红 #01","sku_properties_name":"色号:#01",
             "num":2,"price":"99.00","total_fee":"196.00","payment":"196.00","discount_fee":"2.00","adjust_fee":"0.00",
             "divide_order_fee":"191.10","part_mjz_discount":"4.90","status":"WAIT_SELLER_SEND_GOODS","refund_status":"NO_REFUND",
             "order_from":"WAP","is_free_gift":false,"has_gift":true,"gift_mids":"3512345678901234570"},
            {"oid":3512345678901234569,"oid_str":"3512345678901234569","num_iid":610000000003,"sku_id":"4500000000003",
             "outer_iid":"ITEM-CREAM","outer_sku_id":"SKU-CREAM-50","title":"保湿面霜 50ml",
             "num":1,"price":"259.00","total_fee":"259.00","payment":"259.00","discount_fee":"0.00","adjust_fee":"0.00",
             "divide_order_fee":"252.90","part_mjz_discount":"6.10","status":"WAIT_SELLER_SEND_GOODS","refund_status":"NO_REFUND",
             "order_from":"WAP","is_free_gift":false},
            {"oid":3512345678901234570,"oid_str":"3512345678901234570","num_iid":610000000004,"sku_id":"4500000000004",
             "outer_iid":"ITEM-MASK","outer_sku_id":"SKU-MASK-10","title":"补水面膜 10片",
             "num":1,"price":"0.00","total_fee":"0.00","payment":"0.00","discount_fee":"0.00","adjust_fee":"0.00",
             "divide_order_fee":"0.00","status":"WAIT_SELLER_SEND_GOODS","refund_status":"NO_REFUND",
             "order_from":"WAP","is_free_gift":true,"gift_mids":"3512345678901234568"}
          ]}
        },"request_id":"req-fullinfo-1"}}
        """;

    /// <summary>
    /// A single-line trade in the simplified shape (bare <c>orders</c> array, ids only as numbers), with no
    /// divide_order_fee: the line's payment equals the trade's and so includes the freight. No sku_id or outer_sku_id.
    /// </summary>
    public const string SingleLineSimplified = """
        {"trade_fullinfo_get_response":{"trade":{
          "tid":3512345678901239999,"status":"TRADE_CLOSED","created":"2024-06-18 23:59:59","modified":"2024-06-19 10:00:00",
          "payment":"105.00","total_fee":"99.00","post_fee":"6.00","trade_from":"TAOBAO",
          "orders":[{"oid":3512345678901240000,"num_iid":610000000002,"outer_iid":"ITEM-LIP-02","title":"丝绒口红 #02",
                     "num":1,"price":"99.00","payment":"105.00","is_free_gift":"false","order_from":"taobao"}]
        }}}
        """;
}
