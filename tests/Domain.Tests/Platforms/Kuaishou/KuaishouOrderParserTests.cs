namespace ServerlessSync.Domain.Tests.Platforms.Kuaishou;

public sealed class KuaishouOrderParserTests
{
    private static Order Parse(string json) =>
        KuaishouOrderParser.ParseDetailResponse(json, "5000100").Order ?? throw new InvalidOperationException("expected an order");

    [Fact]
    public void Maps_ids_money_times_and_buyer()
    {
        var order = Parse(KuaishouOrderDetailFixture.Response());

        Assert.Equal(new OrderKey("kuaishou", "5000100", "2607602240240301"), order.Key);
        Assert.Equal((OrderStatus.Paid, "30"), (order.Status, order.PlatformStatus));
        Assert.Equal(29700, order.OrderAmountFen);
        Assert.Equal(300, order.DiscountFen);
        Assert.Equal(800, order.FreightFen);
        Assert.Equal(29700 - 300 + 800, order.PaidAmountFen);
        Assert.Equal(order.PaidAmountFen - order.FreightFen, order.LinesPaidFen);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1762862400000), order.CreatedAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1762862460000), order.PaidAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1762862470000), order.UpdatedAt);
        Assert.Equal("f18b3Blbi1pZA", order.BuyerOpenId);
    }

    [Theory]
    [InlineData(10, "[]", OrderStatus.PendingPayment)]
    [InlineData(30, "[]", OrderStatus.Paid)]
    [InlineData(40, "[]", OrderStatus.Shipped)]
    [InlineData(50, "[]", OrderStatus.Shipped)]
    [InlineData(70, "[]", OrderStatus.Completed)]
    [InlineData(80, "[]", OrderStatus.Cancelled)]
    [InlineData(80, """[{"refundId":31,"refundStatus":60}]""", OrderStatus.Refunded)]
    [InlineData(80, """[{"refundId":31,"refundStatus":70}]""", OrderStatus.Cancelled)]
    [InlineData(70, """[{"refundId":31,"refundStatus":60}]""", OrderStatus.Completed)]
    public void Maps_status_and_refunds(int status, string refunds, OrderStatus expected)
    {
        Assert.Equal(expected, Parse(KuaishouOrderDetailFixture.Response(status, refunds)).Status);
    }

    [Fact]
    public void Unknown_status_is_a_format_error()
    {
        Assert.Throws<KuaishouResponseFormatException>(() => Parse(KuaishouOrderDetailFixture.Response(status: 0)));
    }

    [Fact]
    public void The_single_sku_is_a_line_and_the_gift_sub_order_a_free_gift_line()
    {
        var lines = Parse(KuaishouOrderDetailFixture.Response()).Lines;

        Assert.Equal(2, lines.Count);
        var main = lines[0];
        Assert.Equal(("2607602240240301", "1720000000000001", "3600000000000001", "SKU-LIP-01"), (main.LineId, main.SkuId, main.ProductId, main.MerchantCode));
        Assert.Equal((3, 9900L, 29400L, false), (main.Quantity, main.UnitPriceFen, main.PaidAmountFen, main.IsGift));
        Assert.Equal("丝绒口红 #01", main.Title);

        var gift = lines[1];
        Assert.Equal(("2607602240240302", "1720000000000004", "SKU-MASK-10"), (gift.LineId, gift.SkuId, gift.MerchantCode));
        Assert.True(gift.IsGift);
        Assert.Equal(0, gift.PaidAmountFen);
        Assert.Equal(["2607602240240301"], gift.GiftForLineIds);
    }

    [Fact]
    public void A_sub_order_is_also_a_gift_when_only_its_activity_type_says_so()
    {
        var subOrders = """
            [{"subOrderBaseInfo":{"oid":2607602240240309},"subOrderItemInfo":{"skuId":1720000000000002,"num":1,"price":0,"allActivityType":[19]},"subOrderType":0}]
            """;

        var gift = Parse(KuaishouOrderDetailFixture.Response(subOrders: subOrders)).Lines[1];

        Assert.True(gift.IsGift);
    }

    [Fact]
    public void Anchor_is_the_cps_distributor_and_the_live_room_the_carrier()
    {
        var order = Parse(KuaishouOrderDetailFixture.Response());

        Assert.Equal(new MarketingTags("71000002", "主播阿杰", "7300000000000000002", "直播间·分销"), order.Tags);
        Assert.All(order.Lines, l => Assert.Equal(("71000002", "7300000000000000002"), (l.AnchorId, l.LiveRoomId)));
    }

    [Fact]
    public void Without_a_distributor_the_seller_role_is_the_anchor_and_a_short_video_has_no_live_room()
    {
        var order = Parse(KuaishouOrderDetailFixture.Response(cpsInfo: """{"distributorId":0,"distributorName":""}""", carrierType: 1));

        Assert.Equal(new MarketingTags("71000001", "主播小美", null, "短视频·分销"), order.Tags);
    }

    [Fact]
    public void Receiver_is_the_desensitised_one_and_no_cipher_text_is_kept()
    {
        var order = Parse(KuaishouOrderDetailFixture.Response());

        Assert.Equal(new MaskedReceiver("张**", "138******00", "北京市", "北京市", "海淀区", "上地街道***12号"), order.Receiver);
        var text = order.ToString() + string.Join(",", order.Lines);
        Assert.DoesNotContain("c2VjcmV0", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_beyond_two_to_the_53_keep_every_digit()
    {
        var order = Parse(KuaishouOrderDetailFixture.Response(oid: "9007199254740993"));

        Assert.Equal("9007199254740993", order.Key.OrderId);
        Assert.Equal("9007199254740993", order.Lines[0].LineId);
        Assert.Equal(["9007199254740993"], order.Lines[1].GiftForLineIds);
    }

    [Fact]
    public void Error_envelope_is_a_failure_with_its_codes_and_throttling_is_transient()
    {
        var refused = KuaishouOrderParser.ParseDetailResponse("""{"result":28,"error_msg":"签名验证失败","code":"28","sub_code":"SIGN_INVALID"}""", "1");
        var throttled = KuaishouOrderParser.ParseDetailResponse("""{"result":802000,"error_msg":"调用频率超过限制"}""", "1");

        Assert.False(refused.IsSuccess);
        Assert.Equal((28L, "SIGN_INVALID", false), (refused.Error!.Result, refused.Error.SubCode, refused.Error.IsTransient));
        Assert.True(throttled.Error!.IsTransient);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"error_msg":"no result"}""")]
    [InlineData("""{"result":1}""")]
    [InlineData("""{"result":1,"data":{"orderItemInfo":{"skuId":1,"num":1}}}""")]
    [InlineData("""{"result":1,"data":{"orderBaseInfo":{"oid":1,"status":30,"createTime":1},"orderItemInfo":{"num":1}}}""")]
    [InlineData("""{"result":1,"data":{"orderBaseInfo":{"oid":1,"status":30,"createTime":1,"totalFee":1},"orderItemInfo":{"skuId":1,"num":0}}}""")]
    public void Malformed_or_incomplete_answers_are_format_errors(string json)
    {
        Assert.Throws<KuaishouResponseFormatException>(() => KuaishouOrderParser.ParseDetailResponse(json, "1"));
    }

    [Fact]
    public void Times_given_in_seconds_are_read_as_seconds()
    {
        var json = KuaishouOrderDetailFixture.Response().Replace("1762862400000", "1762862400", StringComparison.Ordinal);

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1762862400), Parse(json).CreatedAt);
    }
}
