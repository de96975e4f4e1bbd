using static ServerlessSync.Domain.Tests.Erp.YonBip.YonBipTestOrders;

namespace ServerlessSync.Domain.Tests.Erp.YonBip;

public sealed class YonBipSaleOrderBuilderTests
{
    private static readonly YonBipSaleOrderSettings Settings = new();

    private static JsonObject Data(params ServerlessSync.Domain.Erp.ErpSalesOrderLine[] lines) =>
        (JsonObject)JsonNode.Parse(YonBipSaleOrderBuilder.BuildSaveBody(Order(lines), Settings))!["data"]!;

    [Fact]
    public void Header_carries_key_status_orgs_customer_china_time_and_the_platform_number_in_define13()
    {
        var data = Data(Line("SKU-A", 2, 22600));

        Assert.Equal("dy6921234567890123", data["resubmitCheckKey"]!.GetValue<string>());
        Assert.Equal("Insert", data["_status"]!.GetValue<string>());
        Assert.Equal("991", data["salesOrgId"]!.GetValue<string>());
        Assert.Equal("991", data["settlementOrgId"]!.GetValue<string>());
        Assert.Equal("SO01", data["transactionTypeId"]!.GetValue<string>());
        Assert.Equal("C-DOUYIN", data["agentId"]!.GetValue<string>());
        Assert.Equal("C-DOUYIN", data["invoiceAgentId"]!.GetValue<string>());
        Assert.Equal("2025-06-18 10:00:00", data["vouchdate"]!.GetValue<string>());
        Assert.Equal("CNY", data["orderPrices!currency"]!.GetValue<string>());
        Assert.Equal("CNY", data["orderPrices!natCurrency"]!.GetValue<string>());
        Assert.Equal("01", data["orderPrices!exchangeRateType"]!.GetValue<string>());
        Assert.True(data["orderPrices!taxInclusive"]!.GetValue<bool>());
        var head = data["headItem"]!;
        Assert.Equal("6921234567890123", head["define13"]!.GetValue<string>());
        Assert.Equal("71000001", head["define14"]!.GetValue<string>());
        Assert.Equal("主播小美", head["define15"]!.GetValue<string>());
        Assert.Equal("live", head["define17"]!.GetValue<string>());
        Assert.Equal(["define13", "define14", "define15", "define17", "define18", "define19", "define20"], head.AsObject().Select(p => p.Key).Order());
    }

    [Fact]
    public void Line_money_matches_the_reference_example_exactly()
    {
        var line = Data(Line("SKU-A", 2, 22600))["orderDetails"]![0]!;

        Assert.Equal("Insert", line["_status"]!.GetValue<string>());
        Assert.Equal("SKU-A", line["productId"]!.GetValue<string>());
        Assert.Equal("SALE", line["orderProductType"]!.GetValue<string>());
        Assert.Equal("VAT13", line["taxId"]!.GetValue<string>());
        Assert.Equal(2, line["qty"]!.GetValue<int>());
        Assert.Equal(113m, line["oriTaxUnitPrice"]!.GetValue<decimal>());
        Assert.Equal(226m, line["oriSum"]!.GetValue<decimal>());
        Assert.Equal(100m, line["orderDetailPrices!oriUnitPrice"]!.GetValue<decimal>());
        Assert.Equal(200m, line["orderDetailPrices!oriMoney"]!.GetValue<decimal>());
        Assert.Equal(26m, line["orderDetailPrices!oriTax"]!.GetValue<decimal>());
        Assert.Equal(226m, line["orderDetailPrices!natSum"]!.GetValue<decimal>());
        Assert.Equal("CK001", line["stockId"]!.GetValue<string>());
    }

    [Fact]
    public void Uneven_totals_keep_exact_sums_and_gifts_are_GIFT_at_zero()
    {
        var data = Data(Line("SKU-A", 3, 10000), Line("GIFT-1", 1, 0, gift: true));
        var sale = data["orderDetails"]![0]!;
        var gift = data["orderDetails"]![1]!;

        Assert.Equal(100m, data["payMoney"]!.GetValue<decimal>());
        Assert.Equal(33.333333m, sale["oriTaxUnitPrice"]!.GetValue<decimal>());
        Assert.Equal(100m, sale["oriSum"]!.GetValue<decimal>());
        Assert.Equal(88.50m, sale["orderDetailPrices!oriMoney"]!.GetValue<decimal>());
        Assert.Equal(11.50m, sale["orderDetailPrices!oriTax"]!.GetValue<decimal>());
        Assert.Equal("GIFT", gift["orderProductType"]!.GetValue<string>());
        Assert.Equal(0m, gift["oriSum"]!.GetValue<decimal>());
        Assert.Equal(0m, gift["oriTaxUnitPrice"]!.GetValue<decimal>());
        Assert.Equal(0m, gift["orderDetailPrices!oriTax"]!.GetValue<decimal>());
    }

    [Fact]
    public void Settings_override_codes_and_invalid_documents_are_refused()
    {
        var settings = new YonBipSaleOrderSettings
        {
            TransactionTypeId = "SO-LIVE",
            SettlementOrgId = "992",
            TaxIds = new Dictionary<decimal, string> { [13m] = "ZZ13" },
            ExternalOrderNoDefine = "define3",
            WriteMarketingFields = false,
        };
        var data = YonBipSaleOrderBuilder.BuildSaveData(Order(Line("SKU-A", 1, 100)), settings);

        Assert.Equal("SO-LIVE", data["transactionTypeId"]!.GetValue<string>());
        Assert.Equal("992", data["orderDetails"]![0]!["settlementOrgId"]!.GetValue<string>());
        Assert.Equal("991", data["orderDetails"]![0]!["stockOrgId"]!.GetValue<string>());
        Assert.Equal("ZZ13", data["orderDetails"]![0]!["taxId"]!.GetValue<string>());
        Assert.Equal("6921234567890123", data["headItem"]!["define3"]!.GetValue<string>());
        Assert.Single(data["headItem"]!.AsObject());
        Assert.Throws<ArgumentException>(() => YonBipSaleOrderBuilder.BuildSaveData(Order(Line("SKU-A", 1, 100, gift: true)), settings));
        Assert.Throws<ArgumentException>(() => YonBipSaleOrderBuilder.BuildSaveData(Order(Line("SKU-A", 1, 100)) with { TotalAmountFen = 99 }, settings));
    }

    [Theory]
    [InlineData("douyin", "6921234567890123", "dy6921234567890123")]
    [InlineData("kuaishou", "2412345678901234", "ks2412345678901234")]
    [InlineData("wechat", "3718123456789012345", "wx3718123456789012345")]
    public void Resubmit_check_key_is_readable_when_it_fits(string platform, string orderNo, string expected) =>
        Assert.Equal(expected, YonBipResubmitCheckKey.For(platform, orderNo));

    [Fact]
    public void Resubmit_check_key_is_a_stable_hash_when_too_long_or_unusual()
    {
        var longNo = new string('9', 40);
        var first = YonBipResubmitCheckKey.For("taobao", longNo);

        Assert.Equal(32, first.Length);
        Assert.StartsWith("h", first, StringComparison.Ordinal);
        Assert.Equal(first, YonBipResubmitCheckKey.For("taobao", longNo));
        Assert.NotEqual(first, YonBipResubmitCheckKey.For("douyin", longNo));
        Assert.Equal(32, YonBipResubmitCheckKey.For("douyin", "订单 1").Length);
    }
}
