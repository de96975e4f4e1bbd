namespace ServerlessSync.Domain.Tests.Platforms.Taobao;

public sealed class TaobaoStatusMapTests
{
    [Theory]
    [InlineData("TRADE_NO_CREATE_PAY", OrderStatus.PendingPayment)]
    [InlineData("WAIT_BUYER_PAY", OrderStatus.PendingPayment)]
    [InlineData("PAY_PENDING", OrderStatus.PendingPayment)]
    [InlineData("WAIT_PRE_AUTH_CONFIRM", OrderStatus.PendingPayment)]
    [InlineData("WAIT_SELLER_SEND_GOODS", OrderStatus.Paid)]
    [InlineData("PAID_FORBID_CONSIGN", OrderStatus.Paid)]
    [InlineData("SELLER_CONSIGNED_PART", OrderStatus.Shipped)]
    [InlineData("WAIT_BUYER_CONFIRM_GOODS", OrderStatus.Shipped)]
    [InlineData("TRADE_BUYER_SIGNED", OrderStatus.Shipped)]
    [InlineData("TRADE_FINISHED", OrderStatus.Completed)]
    [InlineData("TRADE_CLOSED", OrderStatus.Refunded)]
    [InlineData("TRADE_CLOSED_BY_TAOBAO", OrderStatus.Cancelled)]
    public void Maps_every_documented_trade_status(string status, OrderStatus expected)
    {
        Assert.Equal(expected, TaobaoStatusMap.Map(status));
    }

    [Theory]
    [InlineData("trade_finished")]
    [InlineData("ALL_CLOSED")]
    [InlineData(null)]
    public void Unknown_or_filter_only_values_map_to_nothing(string? status)
    {
        Assert.Null(TaobaoStatusMap.Map(status));
    }
}
