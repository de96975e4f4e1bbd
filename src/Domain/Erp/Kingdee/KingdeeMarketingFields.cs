namespace ServerlessSync.Domain.Erp.Kingdee;

/// <summary>
/// Custom header fields on SAL_SaleOrder that carry the marketing tags. They are not standard K/3 Cloud fields:
/// the customer must add them in BOS (text fields on the sales-order header, keys exactly as below) before the
/// connector writes them, or switch them off in the connector options.
/// </summary>
public static class KingdeeMarketingFields
{
    public const string AnchorId = "F_SS_AnchorId";
    public const string AnchorName = "F_SS_AnchorName";
    public const string LiveRoomId = "F_SS_LiveRoomId";
    public const string Channel = "F_SS_Channel";

    /// <summary><see cref="ErpSalesOrder.CustomFields"/> key → K/3 Cloud field key. Other keys are not written.</summary>
    public static readonly IReadOnlyDictionary<string, string> ByTag = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["anchorId"] = AnchorId,
        ["anchorName"] = AnchorName,
        ["liveRoomId"] = LiveRoomId,
        ["channel"] = Channel,
    };
}
