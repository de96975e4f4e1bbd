namespace ServerlessSync.Domain.Tests.Erp.Kingdee;

internal static class KingdeeTestOrders
{
    public static ErpSalesOrder Order(params ErpSalesOrderLine[] lines) => ErpTestOrders.DouyinOrder(lines) with
    {
        SalesmanNumber = "EMP001",
        CustomFields = ErpTestOrders.LiveRoomTags(liveRoomId: "7300000000000000001"),
    };
}
