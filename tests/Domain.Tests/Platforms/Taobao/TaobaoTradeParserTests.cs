namespace ServerlessSync.Domain.Tests.Platforms.Taobao;

public sealed class TaobaoTradeParserTests
{
    private static Order Parse(string json) => TaobaoTradeParser.ParseFullInfoResponse(json, "tb_shop_01").Order!;

    [Fact]
    public void Multi_line_trade_with_a_gift_becomes_the_canonical_order()
    {
        var order = Parse(TaobaoTradeFixture.MultiLineWithGift);

        Assert.Equal(new OrderKey("taobao", "tb_shop_01", TaobaoTradeFixture.Tid), order.Key);
        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Equal("WAIT_SELLER_SEND_GOODS", order.PlatformStatus);
        Assert.Equal(new DateTimeOffset(2024, 6, 18, 12, 0, 1, TimeSpan.Zero), order.CreatedAt);
        Assert.Equal(new DateTimeOffset(2024, 6, 18, 12, 0, 9, TimeSpan.Zero), order.PaidAt);
        Assert.Equal(new DateTimeOffset(2024, 6, 18, 12, 0, 10, TimeSpan.Zero), order.UpdatedAt);
        Assert.Equal(45000, order.PaidAmountFen);
        Assert.Equal(45700, order.OrderAmountFen);
        Assert.Equal(600, order.FreightFen);
        Assert.Equal(1300, order.DiscountFen);
        Assert.Equal(order.PaidAmountFen - order.FreightFen, order.LinesPaidFen);
        Assert.Equal("AAHk5d-EAAeGwJedwSHu3Pi3", order.BuyerOpenId);
        Assert.Equal("手机·聚划算", order.Tags.Channel);
        Assert.Null(order.Tags.AnchorId);

        Assert.Equal(
            [
                (TaobaoTradeFixture.MainOid, "610000000001", "4500000000001", "SKU-LIP-01", 2, 9900L, 19110L, false),
                (TaobaoTradeFixture.CreamOid, "610000000003", "4500000000003", "SKU-CREAM-50", 1, 25900L, 25290L, false),
                (TaobaoTradeFixture.GiftOid, "610000000004", "4500000000004", "SKU-MASK-10", 1, 0L, 0L, true),
            ],
            order.Lines.Select(l => (l.LineId, l.ProductId, l.SkuId, l.MerchantCode!, l.Quantity, l.UnitPriceFen, l.PaidAmountFen, l.IsGift)));
        Assert.Equal([TaobaoTradeFixture.MainOid], order.Lines[2].GiftForLineIds);
        Assert.Empty(order.Lines[0].GiftForLineIds);
    }

    [Fact]
    public void Receiver_fields_are_kept_exactly_as_masked()
    {
        var receiver = Parse(TaobaoTradeFixture.MultiLineWithGift).Receiver;

        Assert.Equal(new MaskedReceiver("*三", "*******0000", "浙江省", "杭州市", "西湖区", "文新街道**路**号"), receiver);
    }

    [Fact]
    public void Single_line_without_divide_order_fee_takes_payment_less_freight_and_falls_back_to_item_codes()
    {
        var order = Parse(TaobaoTradeFixture.SingleLineSimplified);

        Assert.Equal("3512345678901239999", order.Key.OrderId);
        Assert.Equal(OrderStatus.Refunded, order.Status);
        var line = Assert.Single(order.Lines);
        Assert.Equal("3512345678901240000", line.LineId);
        Assert.Equal(9900, line.PaidAmountFen);
        Assert.Equal("610000000002", line.SkuId);
        Assert.Equal("ITEM-LIP-02", line.MerchantCode);
        Assert.False(line.IsGift);
        Assert.Equal("淘宝", order.Tags.Channel);
        Assert.Equal(MaskedReceiver.Empty, order.Receiver);
    }

    [Fact]
    public void Ids_beyond_two_to_the_53_are_copied_digit_for_digit()
    {
        // As a double, 3512345678901234567 reads back as 3512345678901234688.
        Assert.NotEqual(TaobaoTradeFixture.Tid, ((long)double.Parse(TaobaoTradeFixture.Tid, System.Globalization.CultureInfo.InvariantCulture)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var withoutStrings = TaobaoTradeFixture.MultiLineWithGift
            .Replace("\"tid_str\":\"3512345678901234567\",", "", StringComparison.Ordinal);

        Assert.Equal(TaobaoTradeFixture.Tid, Parse(withoutStrings).Key.OrderId);
    }

    [Theory]
    [InlineData("\"status\":\"WAIT_SELLER_SEND_GOODS\",\"type\"", "\"status\":\"SOMETHING_NEW\",\"type\"")]
    [InlineData("\"payment\":\"450.00\"", "\"payment\":\"450.005\"")]
    [InlineData("\"created\":\"2024-06-18 20:00:01\"", "\"created\":\"1718712001\"")]
    [InlineData("\"tid\":3512345678901234567,\"tid_str\":\"3512345678901234567\",", "")]
    public void Unknown_status_bad_money_bad_time_or_missing_tid_is_a_format_error(string from, string to)
    {
        var json = TaobaoTradeFixture.MultiLineWithGift.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(TaobaoTradeFixture.MultiLineWithGift, json);

        Assert.Throws<TaobaoResponseFormatException>(() => TaobaoTradeParser.ParseFullInfoResponse(json, "tb_shop_01"));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"trades_sold_increment_get_response":{}}""")]
    [InlineData("""{"trade_fullinfo_get_response":{"request_id":"x"}}""")]
    public void Other_envelopes_are_format_errors(string json)
    {
        Assert.Throws<TaobaoResponseFormatException>(() => TaobaoTradeParser.ParseFullInfoResponse(json, "tb_shop_01"));
    }
}
