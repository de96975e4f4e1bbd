namespace ServerlessSync.Domain.Tests.Erp.YonBip;

internal static class YonBipTestOrders
{
    public static ErpSalesOrderLine Line(string material, int quantity, long amountFen, bool gift = false, string lineId = "") =>
        ErpTestOrders.Line(material, quantity, amountFen, gift, lineId) with { UnitNumber = "PCS" };

    public static ErpSalesOrder Order(params ErpSalesOrderLine[] lines) => ErpTestOrders.DouyinOrder(lines) with
    {
        CustomerNumber = "C-DOUYIN",
        SalesOrgNumber = "991",
        OrderDate = new DateTimeOffset(2025, 6, 18, 2, 0, 0, TimeSpan.Zero),
        CustomFields = ErpTestOrders.LiveRoomTags(),
    };
}
