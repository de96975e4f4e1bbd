using ServerlessSync.Domain.Tests.Platforms.Douyin;
using ServerlessSync.Domain.Tests.Platforms.Taobao;

namespace ServerlessSync.Domain.Tests.Platforms;

/// <summary>
/// Each platform's order detail, with freight, a merchant discount and a platform subsidy in its documented fields,
/// parses into an order whose planned ERP document totals the platform's paid figure to the fen, in both freight modes.
/// </summary>
public class PlatformMoneyTests
{
    public static TheoryData<FreightMode> Modes => new() { FreightMode.Allocate, FreightMode.ChargeLine };

    [Theory]
    [MemberData(nameof(Modes))]
    public void Douyin_pay_amount_reaches_the_erp_with_post_amount_and_the_cost_bearers(FreightMode mode)
    {
        var json = DouyinOrderDetailFixture.Response().Replace(
            "\"promotion_amount\": 400,", "\"promotion_amount\": 400, \"shop_cost_amount\": 150, \"platform_cost_amount\": 250,", StringComparison.Ordinal);

        var order = DouyinOrderParser.ParseDetailResponse(json, "100200300").Order!;

        AssertMoney(order, paid: 44_900, freight: 600, merchant: 150, platform: 250, mode);
    }

    [Fact]
    public void Douyin_without_cost_fields_splits_by_the_promotion_owners()
    {
        var json = DouyinOrderDetailFixture.Response().Replace(
            "\"promotion_amount\": 400,", "\"promotion_amount\": 400, \"promotion_shop_amount\": 100, \"promotion_platform_amount\": 200, \"promotion_talent_amount\": 100,", StringComparison.Ordinal);

        var order = DouyinOrderParser.ParseDetailResponse(json, "100200300").Order!;

        Assert.Equal((400L, 100L, 300L), (order.DiscountFen, order.MerchantDiscountFen, order.PlatformSubsidyFen));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Kuaishou_buyer_payment_reaches_the_erp_with_express_fee(FreightMode mode)
    {
        var order = KuaishouOrderParser.ParseDetailResponse(KuaishouOrderDetailFixture.Response(), "5000100").Order!;

        AssertMoney(order, paid: 29_700 - 300 + 800, freight: 800, merchant: 300, platform: 0, mode);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void WeChat_order_price_reaches_the_erp_with_freight_and_platform_coupons(FreightMode mode)
    {
        var order = WeChatOrderParser.ParseDetailResponse(WeChatDetail, "wx-shop-1").Order!;

        AssertMoney(order, paid: 20_100, freight: 600, merchant: 100, platform: 200, mode);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Taobao_payment_reaches_the_erp_with_post_fee_and_the_platform_subsidy(FreightMode mode)
    {
        var json = TaobaoTradeFixture.MultiLineWithGift.Replace("\"adjust_fee\":\"0.00\",\n", "\"adjust_fee\":\"0.00\",\"platform_subsidy_fee\":\"8.00\",\n", StringComparison.Ordinal);
        Assert.Contains("platform_subsidy_fee", json, StringComparison.Ordinal);

        var order = TaobaoTradeParser.ParseFullInfoResponse(json, "tb_shop_01").Order!;

        AssertMoney(order, paid: 45_000, freight: 600, merchant: 500, platform: 800, mode);
    }

    private static void AssertMoney(Order order, long paid, long freight, long merchant, long platform, FreightMode mode)
    {
        Assert.Equal((paid, freight), (order.PaidAmountFen, order.FreightFen));
        Assert.Equal((merchant, platform), (order.MerchantDiscountFen, order.PlatformSubsidyFen));
        Assert.Equal(order.DiscountFen, order.MerchantDiscountFen + order.PlatformSubsidyFen);

        var plan = OrderPlanner.Plan(order, ProfileFor(order, mode));

        Assert.False(plan.IsQuarantined, string.Join("; ", plan.QuarantineReasons));
        Assert.Equal(paid, plan.Document!.TotalAmountFen);
        Assert.Equal(paid, plan.Document.Lines.Sum(l => l.AmountFen));
        Assert.Equal(mode == FreightMode.ChargeLine ? freight : 0, plan.Document.Lines.Where(l => l.IsFreight).Sum(l => l.AmountFen));
        Assert.Equal((freight, merchant, platform), (plan.Document.FreightFen, plan.Document.MerchantDiscountFen, plan.Document.PlatformSubsidyFen));
    }

    private static MappingProfile ProfileFor(Order order, FreightMode mode) => new()
    {
        Platform = order.Key.Platform,
        ShopId = order.Key.ShopId,
        CustomerNumber = "CUST-1",
        SalesOrgNumber = "100",
        DefaultWarehouse = "CK001",
        Skus = order.Lines.Select(l => l.SkuId).Distinct().ToDictionary(sku => sku, sku => new SkuMapping("MAT-" + sku, "Pcs")),
        Freight = new FreightMapping { Mode = mode, MaterialNumber = "FREIGHT", UnitNumber = "Pcs" },
    };

    /// <summary>An <c>order/get</c> answer with the documented <c>price_info</c> discount fields; values invented.</summary>
    private const string WeChatDetail = """
        {"errcode":0,"errmsg":"ok","order":{
          "order_id":"3705115058471208928","status":20,"create_time":1700000000,"update_time":1700000300,"openid":"o_buyer",
          "order_detail":{
            "product_infos":[
              {"product_id":"3600000000000001","sku_id":"1720000000000001","title":"丝绒口红 #01","sku_cnt":2,"sale_price":9900,
               "real_price":19500,"sku_code":"SKU-LIP-01","is_free_gift":false},
              {"product_id":"3600000000000004","sku_id":"1720000000000004","title":"补水面膜 10片","sku_cnt":1,"sale_price":0,
               "real_price":0,"sku_code":"SKU-MASK-10","is_free_gift":true}],
            "pay_info":{"pay_time":1700000060,"transaction_id":"42000"},
            "price_info":{"product_price":19800,"order_price":20100,"freight":600,"discounted_price":300,"is_discounted":true,
              "merchant_discounted_price":100,"cash_coupon_discounted_price":200}
          }}}
        """;
}
