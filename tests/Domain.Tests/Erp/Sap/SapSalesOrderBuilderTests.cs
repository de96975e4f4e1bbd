using static ServerlessSync.Domain.Tests.Erp.ErpTestOrders;
using static ServerlessSync.Domain.Tests.Erp.Sap.SapTestOrders;

namespace ServerlessSync.Domain.Tests.Erp.Sap;

public sealed class SapSalesOrderBuilderTests
{
    private static JsonElement Body(params ServerlessSync.Domain.Erp.ErpSalesOrderLine[] lines) =>
        JsonDocument.Parse(SapSalesOrderBuilder.BuildBody(DouyinOrder(lines), Settings)).RootElement;

    [Fact]
    public void Header_carries_the_sales_area_the_mapped_sold_to_party_and_the_platform_order_number()
    {
        var body = Body(Line("MAT-LIP-01", 2, 19800));

        Assert.Equal("OR", body.GetProperty("SalesOrderType").GetString());
        Assert.Equal("1010", body.GetProperty("SalesOrganization").GetString());
        Assert.Equal("10", body.GetProperty("DistributionChannel").GetString());
        Assert.Equal("00", body.GetProperty("OrganizationDivision").GetString());
        Assert.Equal("10100001", body.GetProperty("SoldToParty").GetString());
        Assert.Equal("6921234567890123", body.GetProperty("PurchaseOrderByCustomer").GetString());
        Assert.Equal("CNY", body.GetProperty("TransactionCurrency").GetString());
        // 2025-06-18 16:30 UTC is 2025-06-19 in China; SAP dates travel as that day's midnight UTC.
        Assert.Equal("/Date(1750291200000)/", body.GetProperty("SalesOrderDate").GetString());
    }

    [Fact]
    public void Items_are_numbered_in_tens_with_plant_storage_location_and_the_mapped_unit()
    {
        var items = Body(Line("MAT-LIP-01", 2, 19800), Line("MAT-CREAM-50", 1, 25900)).GetProperty("to_Item");

        Assert.Equal(2, items.GetArrayLength());
        Assert.Equal("10", items[0].GetProperty("SalesOrderItem").GetString());
        Assert.Equal("20", items[1].GetProperty("SalesOrderItem").GetString());
        Assert.Equal("MAT-CREAM-50", items[1].GetProperty("Material").GetString());
        Assert.Equal("2", items[0].GetProperty("RequestedQuantity").GetString());
        Assert.Equal("PC", items[0].GetProperty("RequestedQuantityUnit").GetString());
        Assert.Equal("1010", items[0].GetProperty("Plant").GetString());
        Assert.Equal("101A", items[0].GetProperty("StorageLocation").GetString());
        Assert.False(items[0].TryGetProperty("SalesOrderItemCategory", out _));
    }

    [Fact]
    public void An_evenly_divisible_line_is_priced_per_unit()
    {
        var price = Body(Line("MAT-LIP-01", 2, 19800)).GetProperty("to_Item")[0].GetProperty("to_PricingElement")[0];

        Assert.Equal("PPR0", price.GetProperty("ConditionType").GetString());
        Assert.Equal("99.00", price.GetProperty("ConditionRateValue").GetString());
        Assert.Equal("CNY", price.GetProperty("ConditionCurrency").GetString());
        Assert.Equal("1", price.GetProperty("ConditionQuantity").GetString());
        Assert.Equal("PC", price.GetProperty("ConditionQuantityUnit").GetString());
    }

    [Fact]
    public void An_uneven_line_is_priced_as_its_exact_total_per_its_quantity()
    {
        var price = Body(Line("MAT-LIP-01", 3, 10000)).GetProperty("to_Item")[0].GetProperty("to_PricingElement")[0];

        Assert.Equal("100.00", price.GetProperty("ConditionRateValue").GetString());
        Assert.Equal("3", price.GetProperty("ConditionQuantity").GetString());
        Assert.Equal(100.00m, SapPrice.ForLine(10000, 3).NetValue(3));
        Assert.Equal(0.01m, SapPrice.ForLine(1, 7).NetValue(7));
    }

    [Fact]
    public void A_gift_is_a_free_goods_item_without_a_price()
    {
        var gift = Body(Line("MAT-LIP-01", 1, 9900), Line("MAT-MASK-10", 2, 0, gift: true)).GetProperty("to_Item")[1];

        Assert.Equal("TANN", gift.GetProperty("SalesOrderItemCategory").GetString());
        Assert.Equal("MAT-MASK-10", gift.GetProperty("Material").GetString());
        Assert.False(gift.TryGetProperty("to_PricingElement", out _));
    }

    [Fact]
    public void Configured_condition_type_and_free_goods_category_are_used()
    {
        var settings = Settings with { PriceConditionType = "PR00", FreeGoodsItemCategory = "ZFRE", StorageLocation = "" };

        var items = JsonDocument.Parse(SapSalesOrderBuilder.BuildBody(
            DouyinOrder(Line("MAT-LIP-01", 1, 9900), Line("MAT-MASK-10", 1, 0, gift: true)), settings)).RootElement.GetProperty("to_Item");

        Assert.Equal("PR00", items[0].GetProperty("to_PricingElement")[0].GetProperty("ConditionType").GetString());
        Assert.Equal("ZFRE", items[1].GetProperty("SalesOrderItemCategory").GetString());
        Assert.False(items[0].TryGetProperty("StorageLocation", out _));
    }
}
