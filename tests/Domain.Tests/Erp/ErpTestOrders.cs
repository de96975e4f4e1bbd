namespace ServerlessSync.Domain.Tests.Erp;

/// <summary>
/// The ERP-neutral documents the request-builder tests start from: one Douyin shop's order in the demo profile's terms.
/// Each ERP's tests state only what their ERP's profile sets differently (units, organisations, custom fields).
/// </summary>
internal static class ErpTestOrders
{
    public static readonly DateTimeOffset PaidAt = new(2025, 6, 18, 16, 30, 5, TimeSpan.Zero);

    /// <summary>The live-room marketing tags the planner copies into the ERP's custom fields.</summary>
    public static Dictionary<string, string> LiveRoomTags(string? liveRoomId = null)
    {
        var tags = new Dictionary<string, string> { ["anchorId"] = "71000001", ["anchorName"] = "主播小美" };
        if (liveRoomId is not null)
        {
            tags["liveRoomId"] = liveRoomId;
        }

        tags["channel"] = "live";
        tags["coupon"] = "not-written";
        return tags;
    }

    public static ErpSalesOrderLine Line(string material, int quantity, long amountFen, bool gift = false, string lineId = "", string warehouse = "CK001") => new()
    {
        MaterialNumber = material,
        UnitNumber = "Pcs",
        Quantity = quantity,
        AmountFen = amountFen,
        IsGift = gift,
        WarehouseNumber = warehouse,
        PlatformLineId = lineId,
    };

    public static ErpSalesOrder DouyinOrder(params ErpSalesOrderLine[] lines) => new()
    {
        ExternalOrderNo = "6921234567890123",
        Platform = "douyin",
        ShopId = "100200300",
        CustomerNumber = "CUST-DOUYIN-01",
        SalesOrgNumber = "100",
        OrderDate = PaidAt,
        TotalAmountFen = lines.Sum(l => l.AmountFen),
        Lines = lines,
    };
}
