using ServerlessSync.Domain.Erp;

namespace ServerlessSync.Domain.Tests.Erp.Kingdee;

internal static class KingdeeTestOrders
{
    public static ErpSalesOrderLine Line(string material, int quantity, long amountFen, bool gift = false) => new()
    {
        MaterialNumber = material,
        UnitNumber = "Pcs",
        Quantity = quantity,
        AmountFen = amountFen,
        IsGift = gift,
        WarehouseNumber = "CK001",
        TaxRatePercent = 13m,
    };

    public static ErpSalesOrder Order(params ErpSalesOrderLine[] lines) => new()
    {
        ExternalOrderNo = "6921234567890123",
        Platform = "douyin",
        ShopId = "100200300",
        CustomerNumber = "CUST-DOUYIN-01",
        SalesOrgNumber = "100",
        SalesmanNumber = "EMP001",
        OrderDate = new DateTimeOffset(2025, 6, 18, 16, 30, 5, TimeSpan.Zero),
        TotalAmountFen = lines.Sum(l => l.AmountFen),
        Note = "",
        Lines = lines,
        CustomFields = new Dictionary<string, string>
        {
            ["anchorId"] = "71000001",
            ["anchorName"] = "主播小美",
            ["liveRoomId"] = "7300000000000000001",
            ["channel"] = "live",
            ["coupon"] = "not-written",
        },
    };
}
