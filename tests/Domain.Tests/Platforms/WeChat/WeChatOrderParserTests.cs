namespace ServerlessSync.Domain.Tests.Platforms.WeChat;

public sealed class WeChatOrderParserTests
{
    /// <summary>An <c>order/get</c> answer written from the documented field names; values invented.</summary>
    private static string Detail(int status = 20, string giftFlag = "true", string skuCode = "SKU-LIP-01", string outSkuId = "") => $$$$"""
        {"errcode":0,"errmsg":"ok","order":{
          "order_id":"3705115058471208928","status":{{{{status}}}},"create_time":1700000000,"update_time":1700000300,
          "openid":"o_buyer_openid","unionid":"",
          "order_detail":{
            "product_infos":[
              {"product_id":"3600000000000001","sku_id":"1720000000000001","title":"丝绒口红 #01","sku_cnt":2,"sale_price":9900,
               "real_price":19500,"sku_code":"{{{{skuCode}}}}","out_sku_id":"{{{{outSkuId}}}}","is_free_gift":false},
              {"product_id":"3600000000000004","sku_id":"1720000000000004","title":"补水面膜 10片","sku_cnt":1,"sale_price":0,
               "real_price":0,"sku_code":"SKU-MASK-10","is_free_gift":{{{{giftFlag}}}},
               "free_gift_info":{"main_product_list":[{"sku_id":1720000000000001,"gift_cnt":1}]}}],
            "pay_info":{"prepay_id":"wx1","pay_time":1700000060,"transaction_id":"42000"},
            "price_info":{"product_price":19800,"order_price":20100,"freight":600,"discounted_price":300,"is_discounted":true},
            "delivery_info":{"address_info":{"user_name":"张**","tel_number":"138****0000","province_name":"浙江省",
              "city_name":"杭州市","county_name":"西湖区","detail_info":"***12号"}},
            "ext_info":{"finder_id":"sph71000001","live_id":"7300000000000000001","order_scene":2},
            "source_infos":[{"sku_id":"1720000000000001","account_type":1,"account_id":"sph71000001","sale_channel":0,"account_nickname":"主播小美"}]
          }}}
        """;

    [Fact]
    public void Parses_the_documented_fields_into_the_canonical_order()
    {
        var order = WeChatOrderParser.ParseDetailResponse(Detail(), "wx-shop-1").Order!;

        Assert.Equal(new OrderKey("wechat", "wx-shop-1", "3705115058471208928"), order.Key);
        Assert.Equal((OrderStatus.Paid, "20"), (order.Status, order.PlatformStatus));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), order.CreatedAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_060), order.PaidAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_300), order.UpdatedAt);
        Assert.Equal((19800L, 20100L, 600L, 300L), (order.OrderAmountFen, order.PaidAmountFen, order.FreightFen, order.DiscountFen));
        Assert.Equal("o_buyer_openid", order.BuyerOpenId);
        Assert.Equal(new MaskedReceiver("张**", "138****0000", "浙江省", "杭州市", "西湖区", "***12号"), order.Receiver);
        Assert.Equal(new MarketingTags("sph71000001", "主播小美", "7300000000000000001", "视频号·直播间"), order.Tags);

        Assert.Collection(
            order.Lines,
            l =>
            {
                Assert.Equal(("3705115058471208928-1", "1720000000000001", "SKU-LIP-01", 2, 9900L, 19500L, false),
                    (l.LineId, l.SkuId, l.MerchantCode, l.Quantity, l.UnitPriceFen, l.PaidAmountFen, l.IsGift));
                Assert.Equal(("sph71000001", "主播小美", "7300000000000000001"), (l.AnchorId, l.AnchorName, l.LiveRoomId));
            },
            l =>
            {
                Assert.True(l.IsGift);
                Assert.Equal(0, l.PaidAmountFen);
                Assert.Equal(["3705115058471208928-1"], l.GiftForLineIds);
            });
    }

    [Theory]
    [InlineData("true")]
    [InlineData("1")]
    [InlineData("\"1\"")]
    public void Free_gift_flag_is_read_as_a_boolean_or_as_one(string flag)
    {
        var order = WeChatOrderParser.ParseDetailResponse(Detail(giftFlag: flag), "s").Order!;

        Assert.Equal([false, true], order.Lines.Select(l => l.IsGift));
    }

    [Theory]
    [InlineData(10, OrderStatus.PendingPayment)]
    [InlineData(20, OrderStatus.Paid)]
    [InlineData(21, OrderStatus.Shipped)]
    [InlineData(30, OrderStatus.Shipped)]
    [InlineData(100, OrderStatus.Completed)]
    [InlineData(190, OrderStatus.Cancelled)]
    [InlineData(200, OrderStatus.Refunded)]
    [InlineData(250, OrderStatus.Cancelled)]
    public void Status_codes_map_to_canonical_statuses(int status, OrderStatus expected)
    {
        Assert.Equal(expected, WeChatOrderParser.ParseDetailResponse(Detail(status), "s").Order!.Status);
    }

    [Fact]
    public void Out_sku_id_is_the_merchant_code_when_sku_code_is_empty()
    {
        var order = WeChatOrderParser.ParseDetailResponse(Detail(skuCode: "", outSkuId: "ERP-LIP-01"), "s").Order!;

        Assert.Equal("ERP-LIP-01", order.Lines[0].MerchantCode);
    }

    [Fact]
    public void Unknown_status_and_missing_fields_are_format_errors_and_errcodes_are_failures()
    {
        Assert.Throws<WeChatResponseFormatException>(() => WeChatOrderParser.ParseDetailResponse(Detail(status: 42), "s"));
        Assert.Throws<WeChatResponseFormatException>(() => WeChatOrderParser.ParseDetailResponse("""{"errcode":0,"errmsg":"ok"}""", "s"));
        Assert.Throws<WeChatResponseFormatException>(() => WeChatOrderParser.ParseDetailResponse("<html>", "s"));

        var failure = WeChatOrderParser.ParseDetailResponse("""{"errcode":45009,"errmsg":"api freq out of limit rid: 65a1-2b3c"}""", "s");
        Assert.Equal(45009, failure.Error!.ErrCode);
        Assert.True(failure.Error.IsTransient);
        Assert.Equal("errcode 45009, rid: 65a1-2b3c", failure.Error.ToString());
        Assert.True(new WeChatApiError(42001, "access_token expired").IsTokenRejected);
    }

    [Fact]
    public void Detail_request_sends_the_order_id_as_a_string_and_asks_for_masked_receiver_data()
    {
        Assert.Equal("""{"order_id":"3705115058471208928","encode_sensitive_info":true}""", WeChatOrderParser.DetailRequest("3705115058471208928"));
    }
}
