namespace ServerlessSync.Simulators.Tests;

/// <summary>
/// The platform simulators' orders carry freight, merchant discounts and platform subsidies in the platforms' documented
/// fields, and the hub reads back exactly the figures the simulator holds.
/// </summary>
public class SimulatedMoneyTests
{
    private const int Orders = 200;

    [Fact]
    public void Douyin_orders_carry_post_amount_and_shop_and_platform_cost()
    {
        var orders = new DouyinOrderStore(new DouyinSimulatorOptions(), TimeProvider.System).CreateOrders(Orders, random: new Random(21));

        var read = orders.Select(o => (Sim: o, Hub: DouyinOrderParser.ParseShopOrderDetail(Element(DouyinOrderDetailJson.ShopOrderDetail(o)), o.ShopId))).ToList();

        Assert.All(read, r => Assert.Equal(
            (r.Sim.PayAmount, r.Sim.PostAmount, r.Sim.ShopCostAmount, r.Sim.PlatformCostAmount),
            (r.Hub.PaidAmountFen, r.Hub.FreightFen, r.Hub.MerchantDiscountFen, r.Hub.PlatformSubsidyFen)));
        AssertVaried(read.Select(r => r.Hub));
    }

    [Fact]
    public void WeChat_orders_carry_freight_and_merchant_and_platform_coupon_discounts()
    {
        var orders = new WeChatOrderStore(new WeChatSimulatorOptions(), TimeProvider.System).CreateOrders(Orders, new Random(22));

        var read = orders.Select(o => (Sim: o, Hub: WeChatOrderParser.ParseOrder(Element(WeChatOrderJson.Order(o, freeGiftAsNumber: false)), "wx-shop"))).ToList();

        Assert.All(read, r => Assert.Equal(
            (r.Sim.OrderPrice, r.Sim.Freight, r.Sim.MerchantDiscountedPrice, r.Sim.CashCouponDiscountedPrice),
            (r.Hub.PaidAmountFen, r.Hub.FreightFen, r.Hub.MerchantDiscountFen, r.Hub.PlatformSubsidyFen)));
        AssertVaried(read.Select(r => r.Hub));
    }

    [Fact]
    public void Taobao_trades_carry_post_fee_shop_discounts_and_platform_subsidy_fee()
    {
        var trades = new TaobaoOrderStore(new TaobaoSimulatorOptions(), TimeProvider.System).CreateOrders(Orders);

        var read = trades.Select(t => (Sim: t, Hub: TaobaoTradeParser.ParseTrade(Element(TaobaoTradeJson.Trade(t)), "tb-shop"))).ToList();

        Assert.All(read, r => Assert.Equal(
            (r.Sim.Payment, r.Sim.PostFee, r.Sim.Lines.Sum(l => l.DiscountFee) + r.Sim.CouponFee, r.Sim.PlatformSubsidyFee),
            (r.Hub.PaidAmountFen, r.Hub.FreightFen, r.Hub.MerchantDiscountFen, r.Hub.PlatformSubsidyFen)));
        AssertVaried(read.Select(r => r.Hub));
    }

    private static void AssertVaried(IEnumerable<Order> orders)
    {
        var list = orders.ToList();
        Assert.Contains(list, o => o.FreightFen > 0);
        Assert.Contains(list, o => o.FreightFen == 0);
        Assert.Contains(list, o => o.MerchantDiscountFen > 0);
        Assert.Contains(list, o => o.PlatformSubsidyFen > 0);
        Assert.All(list, o => Assert.Equal(o.PaidAmountFen - o.FreightFen, o.LinesPaidFen));
    }

    private static JsonElement Element(JsonNode node) => JsonSerializer.SerializeToElement(node);
}
