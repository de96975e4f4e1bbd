using static ServerlessSync.Domain.Tests.Erp.ErpTestOrders;
using static ServerlessSync.Domain.Tests.Erp.Kingdee.KingdeeTestOrders;

namespace ServerlessSync.Domain.Tests.Erp.Kingdee;

public sealed class KingdeeSaleOrderBuilderTests
{
    private static JsonElement SaveParameters(string body)
    {
        var parameters = JsonDocument.Parse(body).RootElement.GetProperty("parameters");
        Assert.Equal(2, parameters.GetArrayLength());
        Assert.Equal("SAL_SaleOrder", parameters[0].GetString());
        return parameters[1];
    }

    [Fact]
    public void Save_body_has_documented_options_and_header_fields()
    {
        var data = SaveParameters(KingdeeSaleOrderBuilder.BuildSaveBody(Order(Line("MAT-LIP-01", 2, 19800))));

        Assert.Equal("FBillNo", data.GetProperty("NeedReturnFields")[0].GetString());
        Assert.Equal("true", data.GetProperty("IsDeleteEntry").GetString());
        Assert.Equal("false", data.GetProperty("IsVerifyBaseDataField").GetString());
        Assert.Equal("true", data.GetProperty("ValidateFlag").GetString());
        Assert.Equal("true", data.GetProperty("NumberSearch").GetString());
        Assert.Equal("false", data.GetProperty("IsAutoSubmitAndAudit").GetString());
        var model = data.GetProperty("Model");
        Assert.Equal(0, model.GetProperty("FID").GetInt32());
        Assert.Equal("XSDD01_SYS", model.GetProperty("FBillTypeID").GetProperty("FNUMBER").GetString());
        Assert.Equal("", model.GetProperty("FBillNo").GetString());
        Assert.Equal("2025-06-19 00:30:05", model.GetProperty("FDate").GetString());
        Assert.Equal("100", model.GetProperty("FSaleOrgId").GetProperty("FNumber").GetString());
        Assert.Equal("CUST-DOUYIN-01", model.GetProperty("FCustId").GetProperty("FNumber").GetString());
        Assert.Equal("CUST-DOUYIN-01", model.GetProperty("FSettleId").GetProperty("FNumber").GetString());
        Assert.Equal("EMP001", model.GetProperty("FSalerId").GetProperty("FNumber").GetString());
        Assert.Equal("6921234567890123", model.GetProperty("FNetOrderBillNo").GetString());
        var finance = model.GetProperty("FSaleOrderFinance");
        Assert.Equal("PRE001", finance.GetProperty("FSettleCurrId").GetProperty("FNumber").GetString());
        Assert.Equal("true", finance.GetProperty("FIsIncludedTax").GetString());
        Assert.Equal("HLTX01_SYS", finance.GetProperty("FExchangeTypeId").GetProperty("FNumber").GetString());
        Assert.Equal(1, finance.GetProperty("FExchangeRate").GetInt32());
    }

    [Fact]
    public void Entry_has_documented_fields()
    {
        var entry = SaveParameters(KingdeeSaleOrderBuilder.BuildSaveBody(Order(Line("MAT-LIP-01", 2, 19800))))
            .GetProperty("Model").GetProperty("FSaleOrderEntry")[0];

        Assert.Equal("Standard", entry.GetProperty("FRowType").GetString());
        Assert.Equal("MAT-LIP-01", entry.GetProperty("FMaterialId").GetProperty("FNumber").GetString());
        Assert.Equal("Pcs", entry.GetProperty("FUnitID").GetProperty("FNumber").GetString());
        Assert.Equal(2, entry.GetProperty("FQty").GetInt32());
        Assert.Equal(99m, entry.GetProperty("FTaxPrice").GetDecimal());
        Assert.Equal(198m, entry.GetProperty("FAllAmount").GetDecimal());
        Assert.Equal(13m, entry.GetProperty("FEntryTaxRate").GetDecimal());
        Assert.Equal("false", entry.GetProperty("FIsFree").GetString());
        Assert.Equal("CK001", entry.GetProperty("FStockId").GetProperty("FNumber").GetString());
        Assert.Equal("2025-06-19 00:30:05", entry.GetProperty("FDeliveryDate").GetString());
        Assert.Equal("100", entry.GetProperty("FStockOrgId").GetProperty("FNumber").GetString());
        Assert.Equal("100", entry.GetProperty("FSettleOrgIds").GetProperty("FNumber").GetString());
        Assert.Equal("1", entry.GetProperty("FReserveType").GetString());
        Assert.Equal("SAL", entry.GetProperty("FOUTLMTUNIT").GetString());
    }

    [Fact]
    public void Odd_split_keeps_exact_line_total_and_six_place_unit_price()
    {
        var entry = SaveParameters(KingdeeSaleOrderBuilder.BuildSaveBody(Order(Line("MAT-LIP-01", 3, 10000))))
            .GetProperty("Model").GetProperty("FSaleOrderEntry")[0];

        Assert.Equal(33.333333m, entry.GetProperty("FTaxPrice").GetDecimal());
        Assert.Equal(100m, entry.GetProperty("FAllAmount").GetDecimal());
        Assert.Equal("33.333333", entry.GetProperty("FTaxPrice").GetRawText());
    }

    [Theory]
    [InlineData(1, 1, "0.01")]
    [InlineData(7, 100, "0.142857")]
    [InlineData(2, 3, "0.015")]
    [InlineData(6, 99999999999, "166666666.665")]
    public void Unit_price_is_decimal_exact(int quantity, long amountFen, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), KingdeeMoney.UnitPrice(amountFen, quantity));
    }

    [Fact]
    public void Gift_line_is_free_with_zero_amounts()
    {
        var entries = SaveParameters(KingdeeSaleOrderBuilder.BuildSaveBody(Order(Line("MAT-LIP-01", 1, 9900), Line("MAT-MASK-10", 2, 0, gift: true))))
            .GetProperty("Model").GetProperty("FSaleOrderEntry");

        var gift = entries[1];
        Assert.Equal("true", gift.GetProperty("FIsFree").GetString());
        Assert.Equal(0m, gift.GetProperty("FTaxPrice").GetDecimal());
        Assert.Equal(0m, gift.GetProperty("FAllAmount").GetDecimal());
        Assert.Equal("false", entries[0].GetProperty("FIsFree").GetString());
    }

    [Fact]
    public void Marketing_tags_go_to_the_custom_fields_and_can_be_switched_off()
    {
        var order = Order(Line("MAT-LIP-01", 1, 9900));
        var with = SaveParameters(KingdeeSaleOrderBuilder.BuildSaveBody(order)).GetProperty("Model");
        var without = SaveParameters(KingdeeSaleOrderBuilder.BuildSaveBody(order, includeMarketingFields: false)).GetProperty("Model");

        Assert.Equal("71000001", with.GetProperty("F_SS_AnchorId").GetString());
        Assert.Equal("主播小美", with.GetProperty("F_SS_AnchorName").GetString());
        Assert.Equal("7300000000000000001", with.GetProperty("F_SS_LiveRoomId").GetString());
        Assert.Equal("live", with.GetProperty("F_SS_Channel").GetString());
        Assert.DoesNotContain(with.EnumerateObject(), p => p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() == "not-written");
        Assert.False(without.TryGetProperty("F_SS_AnchorId", out _));
    }

    [Fact]
    public void Salesman_is_omitted_when_not_given()
    {
        var model = SaveParameters(KingdeeSaleOrderBuilder.BuildSaveBody(Order(Line("MAT-LIP-01", 1, 9900)) with { SalesmanNumber = null }))
            .GetProperty("Model");

        Assert.False(model.TryGetProperty("FSalerId", out _));
    }

    [Fact]
    public void Invalid_documents_are_refused_before_anything_is_built()
    {
        var giftWithAmount = Order(Line("MAT-LIP-01", 1, 100, gift: true));
        var badTotal = Order(Line("MAT-LIP-01", 1, 100)) with { TotalAmountFen = 99 };
        var zeroQuantity = Order(Line("MAT-LIP-01", 0, 100));

        Assert.Contains(KingdeeSaleOrderValidator.Validate(giftWithAmount), p => p.Contains("gift", StringComparison.Ordinal));
        Assert.Contains(KingdeeSaleOrderValidator.Validate(badTotal), p => p.Contains("total", StringComparison.Ordinal));
        Assert.Contains(KingdeeSaleOrderValidator.Validate(zeroQuantity), p => p.Contains("quantity", StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => KingdeeSaleOrderBuilder.BuildSaveBody(badTotal));
    }
}
