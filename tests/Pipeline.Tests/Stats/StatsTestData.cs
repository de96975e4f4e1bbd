namespace ServerlessSync.Pipeline.Tests.Stats;

internal static class StatsTestData
{
    public static readonly DateTimeOffset Created = new(2025, 6, 18, 12, 0, 0, TimeSpan.Zero); // 20:00 in Beijing

    public static LedgerEntry Entry(string orderId, SyncStatus status, OrderStatus platformStatus, long paidFen, DateTimeOffset updatedAt, string? erp = null, string shop = "100200300") => new()
    {
        Key = new OrderKey(PlatformNames.Douyin, shop, orderId),
        Status = status,
        PlatformStatus = platformStatus,
        PaidAmountFen = paidFen,
        ErpOrderNumber = erp,
        UpdatedAt = updatedAt,
    };

    public static OrderSalesFacts Facts(string anchor = "71000001", string anchorName = "主播小美", string room = "7300000000000000001", long? erpMs = null, params SalesLine[] lines) =>
        new(Created, anchor, anchorName, room, "抖音·小店自卖", lines.Length > 0 ? lines : [new SalesLine("SKU-LIP-01", "丝绒口红 #01", 2, 19_600, false)], erpMs);
}
