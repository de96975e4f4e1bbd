namespace ServerlessSync.Domain.Tests.Mapping;

internal static class MappingTestData
{
    public static MappingProfile Profile() => new()
    {
        Platform = PlatformNames.Douyin,
        ShopId = "shop-1",
        CustomerNumber = "CUST-1",
        SalesOrgNumber = "100",
        DefaultWarehouse = "CK001",
        Skus = new Dictionary<string, SkuMapping>
        {
            ["SKU-A"] = new("MAT-A", "Pcs"),
            ["SKU-B"] = new("MAT-B", "Pcs", "CK002"),
        },
    };

    public static OrderLine Line(string id, string code, int quantity, long paidFen, bool gift = false) => new()
    {
        LineId = id,
        SkuId = "sku-" + code,
        MerchantCode = code,
        Quantity = quantity,
        UnitPriceFen = quantity == 0 ? 0 : paidFen / quantity,
        PaidAmountFen = paidFen,
        IsGift = gift,
    };

    public static Order Order(params OrderLine[] lines) => new()
    {
        Key = new OrderKey(PlatformNames.Douyin, "shop-1", "6920000000000000001"),
        Status = OrderStatus.Paid,
        PlatformStatus = "105",
        CreatedAt = new DateTimeOffset(2026, 11, 11, 12, 0, 0, TimeSpan.Zero),
        UpdatedAt = new DateTimeOffset(2026, 11, 11, 12, 0, 5, TimeSpan.Zero),
        PaidAmountFen = lines.Sum(l => l.PaidAmountFen),
        BuyerOpenId = "open-buyer-1",
        Receiver = new MaskedReceiver("张**", "138****0000", "浙江省", "杭州市", "西湖区", "***"),
        Lines = lines,
    };
}
