using ServerlessSync.Domain.Tests.Erp.Sap;

namespace ServerlessSync.Domain.Tests.Erp;

/// <summary>
/// Each ERP's request, built from a planned order with freight, a merchant discount and a platform subsidy, carries a
/// receivable equal to what the buyer paid, to the fen, in both freight modes of the profile.
/// </summary>
public class ErpReceivableTests
{
    public static TheoryData<FreightMode> Modes => new() { FreightMode.Allocate, FreightMode.ChargeLine };

    /// <summary>Goods 3 × 33.33 (one fen of odd pricing) + 37.00, a gift, freight 6.00; merchant 5.00 and platform 8.00 discounts.</summary>
    private static readonly Order Paid = new()
    {
        Key = new OrderKey(PlatformNames.Douyin, "100200300", "6921234567890123"),
        Status = OrderStatus.Paid,
        CreatedAt = new DateTimeOffset(2026, 11, 11, 12, 0, 0, TimeSpan.Zero),
        UpdatedAt = new DateTimeOffset(2026, 11, 11, 12, 0, 5, TimeSpan.Zero),
        OrderAmountFen = 9_999 + 5_000,
        FreightFen = 600,
        DiscountFen = 1_300,
        MerchantDiscountFen = 500,
        PlatformSubsidyFen = 800,
        PaidAmountFen = 9_999 + 3_700 + 600,
        Lines =
        [
            new OrderLine { LineId = "L1", SkuId = "SKU-A", Quantity = 3, PaidAmountFen = 9_999 },
            new OrderLine { LineId = "L2", SkuId = "SKU-B", Quantity = 1, PaidAmountFen = 3_700 },
            new OrderLine { LineId = "G1", SkuId = "SKU-A", Quantity = 1, PaidAmountFen = 0, IsGift = true },
        ],
    };

    private static ErpSalesOrder Planned(FreightMode mode) => OrderPlanner.Plan(Paid, new MappingProfile
    {
        Platform = PlatformNames.Douyin,
        ShopId = "100200300",
        CustomerNumber = "CUST-DOUYIN-01",
        SalesOrgNumber = "100",
        DefaultWarehouse = "CK001",
        Skus = new Dictionary<string, SkuMapping> { ["SKU-A"] = new("MAT-A", "Pcs"), ["SKU-B"] = new("MAT-B", "Pcs") },
        Freight = new FreightMapping { Mode = mode, MaterialNumber = "FREIGHT", UnitNumber = "Pcs" },
    }).Document!;

    private static decimal PaidYuan => Paid.PaidAmountFen / 100m;

    [Theory]
    [MemberData(nameof(Modes))]
    public void Kingdee_entries_add_up_to_what_the_buyer_paid_and_the_money_fields_say_who_bore_what(FreightMode mode)
    {
        var model = KingdeeSaleOrderBuilder.BuildSaveData(Planned(mode))["Model"]!;
        var entries = model["FSaleOrderEntry"]!.AsArray();

        Assert.Equal(PaidYuan, entries.Sum(e => e!["FAllAmount"]!.GetValue<decimal>()));
        Assert.Equal(mode == FreightMode.ChargeLine ? 1 : 0, entries.Count(e => e!["FRowType"]!.GetValue<string>() == KingdeeSaleOrderBuilder.ServiceRowType));
        Assert.Equal((6.00m, 5.00m, 8.00m), (
            model[KingdeeMoneyFields.Freight]!.GetValue<decimal>(),
            model[KingdeeMoneyFields.MerchantDiscount]!.GetValue<decimal>(),
            model[KingdeeMoneyFields.PlatformSubsidy]!.GetValue<decimal>()));
        Assert.Contains("platform subsidy 8.00", model["FNote"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void YonBip_pay_money_and_line_sums_are_what_the_buyer_paid_with_the_money_in_header_defines(FreightMode mode)
    {
        var data = YonBipSaleOrderBuilder.BuildSaveData(Planned(mode), new YonBipSaleOrderSettings { TransactionTypeId = "SO-LIVE" });

        Assert.Equal(PaidYuan, data["payMoney"]!.GetValue<decimal>());
        Assert.Equal(PaidYuan, data["orderDetails"]!.AsArray().Sum(l => l!["oriSum"]!.GetValue<decimal>()));
        var head = data["headItem"]!;
        Assert.Equal(("6.00", "5.00", "8.00"), (
            head[YonBipHeadDefines.Freight]!.GetValue<string>(),
            head[YonBipHeadDefines.MerchantDiscount]!.GetValue<string>(),
            head[YonBipHeadDefines.PlatformSubsidy]!.GetValue<string>()));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Sap_item_prices_add_up_to_what_the_buyer_paid_and_the_header_text_names_the_discounts(FreightMode mode)
    {
        var body = SapSalesOrderBuilder.Build(Planned(mode), SapTestOrders.Settings);
        var items = body["to_Item"]!.AsArray();

        var total = items.Sum(item => item!["to_PricingElement"]?.AsArray().Sum(c =>
            Yuan(c!["ConditionRateValue"]) * Yuan(item["RequestedQuantity"]) / Yuan(c["ConditionQuantity"])) ?? 0m);
        Assert.Equal(PaidYuan, Math.Round(total, 2));
        Assert.Equal(mode == FreightMode.ChargeLine ? 1 : 0, items.Count(i => i!["SalesOrderItemText"]?.GetValue<string>() == SapSalesOrderBuilder.FreightItemText));
        var text = Assert.Single(body["to_Text"]!.AsArray())!;
        Assert.Equal(("ZH", "0002"), (text["Language"]!.GetValue<string>(), text["LongTextID"]!.GetValue<string>()));
        Assert.Contains("freight 6.00; merchant discount 5.00; platform subsidy 8.00", text["LongText"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Jushuitan_pay_amount_is_what_the_buyer_paid_and_a_freight_line_is_the_orders_freight_field(FreightMode mode)
    {
        var order = JushuitanOrderUpload.BuildOrder(Planned(mode), "10001");
        var items = order["items"]!.AsArray();
        var freight = order["freight"]!.GetValue<decimal>();

        Assert.Equal(PaidYuan, order["pay_amount"]!.GetValue<decimal>());
        Assert.Equal(PaidYuan, items.Sum(i => i!["amount"]!.GetValue<decimal>()) + freight);
        Assert.Equal(mode == FreightMode.ChargeLine ? 6.00m : 0m, freight);
        Assert.DoesNotContain(items, i => i!["sku_id"]!.GetValue<string>() == "FREIGHT");
        Assert.Contains("merchant discount 5.00", order["remark"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static decimal Yuan(JsonNode? node) => decimal.Parse(node!.GetValue<string>(), CultureInfo.InvariantCulture);
}
