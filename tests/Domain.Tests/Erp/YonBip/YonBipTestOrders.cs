using ServerlessSync.Domain.Erp;

namespace ServerlessSync.Domain.Tests.Erp.YonBip;

internal static class YonBipTestOrders
{
    public static ErpSalesOrderLine Line(string material, int quantity, long amountFen, bool gift = false, string lineId = "") => new()
    {
        MaterialNumber = material,
        UnitNumber = "PCS",
        Quantity = quantity,
        AmountFen = amountFen,
        IsGift = gift,
        WarehouseNumber = "CK001",
        TaxRatePercent = 13m,
        PlatformLineId = lineId,
    };

    public static ErpSalesOrder Order(params ErpSalesOrderLine[] lines) => new()
    {
        ExternalOrderNo = "6921234567890123",
        Platform = "douyin",
        ShopId = "100200300",
        CustomerNumber = "C-DOUYIN",
        SalesOrgNumber = "991",
        OrderDate = new DateTimeOffset(2025, 6, 18, 2, 0, 0, TimeSpan.Zero),
        TotalAmountFen = lines.Sum(l => l.AmountFen),
        Lines = lines,
        CustomFields = new Dictionary<string, string>
        {
            ["anchorId"] = "71000001",
            ["anchorName"] = "主播小美",
            ["channel"] = "live",
            ["coupon"] = "not-written",
        },
    };
}
