namespace ServerlessSync.Domain.Tests.Platforms.Douyin;

public sealed class DouyinOrderParserTests
{
    private static Order Parse(string json) =>
        DouyinOrderParser.ParseDetailResponse(json, "100200300").Order ?? throw new InvalidOperationException("expected an order");

    [Fact]
    public void Maps_ids_money_times_and_buyer()
    {
        var order = Parse(DouyinOrderDetailFixture.Response());

        Assert.Equal(new OrderKey("douyin", "100200300", "6917530340000000001"), order.Key);
        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Equal("105", order.PlatformStatus);
        Assert.Equal(44900, order.PaidAmountFen);
        Assert.Equal(44700, order.OrderAmountFen);
        Assert.Equal(600, order.FreightFen);
        Assert.Equal(400, order.DiscountFen);
        Assert.Equal(order.PaidAmountFen - order.FreightFen, order.LinesPaidFen);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1762862400), order.CreatedAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1762862460), order.PaidAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1762862470), order.UpdatedAt);
        Assert.Equal("1@#b3Blbi1pZA==", order.BuyerOpenId);
    }

    [Theory]
    [InlineData(1, 1, OrderStatus.PendingPayment)]
    [InlineData(105, 105, OrderStatus.Paid)]
    [InlineData(2, 2, OrderStatus.Paid)]
    [InlineData(101, 101, OrderStatus.Shipped)]
    [InlineData(3, 3, OrderStatus.Shipped)]
    [InlineData(5, 5, OrderStatus.Completed)]
    [InlineData(4, 4, OrderStatus.Cancelled)]
    [InlineData(4, 21, OrderStatus.Refunded)]
    [InlineData(3, 22, OrderStatus.Refunded)]
    [InlineData(5, 39, OrderStatus.Refunded)]
    public void Maps_order_and_main_status(int orderStatus, int mainStatus, OrderStatus expected)
    {
        Assert.Equal(expected, Parse(DouyinOrderDetailFixture.Response(orderStatus, mainStatus)).Status);
    }

    [Fact]
    public void Lines_carry_codes_prices_gifts_and_bundles()
    {
        var lines = Parse(DouyinOrderDetailFixture.Response()).Lines;

        Assert.Equal(3, lines.Count);
        var lipstick = lines[0];
        Assert.Equal(("6917530340000000001", "1720000000000001", "3600000000000001", "SKU-LIP-01"), (lipstick.LineId, lipstick.SkuId, lipstick.ProductId, lipstick.MerchantCode));
        Assert.Equal((2, 9900L, 19600L, false), (lipstick.Quantity, lipstick.UnitPriceFen, lipstick.PaidAmountFen, lipstick.IsGift));
        Assert.Null(lipstick.AnchorId);

        var giftBox = lines[1];
        Assert.Equal("OUT-GIFTBOX", giftBox.MerchantCode);
        Assert.Equal(
            [new BundleComponent("1720000000000003", "SKU-CREAM-50", "保湿面霜 50ml", 1), new BundleComponent("1720000000000004", "SKU-MASK-10", "补水面膜 10片", 2)],
            giftBox.Bundle);

        var gift = lines[2];
        Assert.True(gift.IsGift);
        Assert.Equal(["6917530340000000001"], gift.GiftForLineIds);
        Assert.Equal(0, gift.PaidAmountFen);
    }

    [Fact]
    public void Marketing_tags_come_from_the_first_line_with_an_author()
    {
        var order = Parse(DouyinOrderDetailFixture.Response());

        Assert.Equal(new MarketingTags("71000001", "主播小美", "7300000000000000001", "抖音·小店自卖"), order.Tags);
        Assert.Equal("7300000000000000001", order.Lines[1].LiveRoomId);
    }

    [Fact]
    public void Receiver_is_the_masked_one_and_no_cipher_text_is_kept()
    {
        var order = Parse(DouyinOrderDetailFixture.Response());

        Assert.Equal(new MaskedReceiver("张**", "138****5678", "浙江省", "杭州市", "西湖区", "文新街道***12号"), order.Receiver);
        var serialized = JsonSerializer.Serialize(order);
        Assert.DoesNotContain("ZW5jcnlwdGVk", serialized, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(60000, "isv.traffic-limited", true, true)]
    [InlineData(20000, "dop.service-error", false, true)]
    [InlineData(40003, "isv.signature-invalid", false, false)]
    [InlineData(50002, "isv.business-failed:订单不存在", false, false)]
    public void Error_envelopes_become_typed_errors(long code, string subCode, bool throttled, bool transient)
    {
        var json = $$$"""{"log_id":"L1","code":{{{code}}},"msg":"m","sub_code":"{{{subCode}}}","sub_msg":"s","data":{}}""";

        var result = DouyinOrderParser.ParseDetailResponse(json, "100200300");

        Assert.False(result.IsSuccess);
        Assert.Equal(new DouyinApiError(code, "m", subCode, "s", "L1"), result.Error);
        Assert.Equal(throttled, result.Error!.IsThrottled);
        Assert.Equal(transient, result.Error.IsTransient);
    }

    [Theory]
    [InlineData("<html>502</html>")]
    [InlineData("""{"msg":"no code"}""")]
    [InlineData("""{"code":10000,"msg":"success","data":{}}""")]
    [InlineData("""{"code":10000,"data":{"shop_order_detail":{"order_id":"1","order_status":105,"create_time":1,"pay_amount":1}}}""")]
    public void Unreadable_responses_throw_a_format_exception(string json)
    {
        Assert.Throws<DouyinResponseFormatException>(() => DouyinOrderParser.ParseDetailResponse(json, "100200300"));
    }

    [Fact]
    public void Unknown_order_status_is_not_guessed()
    {
        Assert.Throws<DouyinResponseFormatException>(() => Parse(DouyinOrderDetailFixture.Response(orderStatus: 77, mainStatus: 77)));
    }
}
