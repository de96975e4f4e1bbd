namespace ServerlessSync.Domain.Erp.YonBip;

/// <summary>
/// Header custom fields (<c>headItem.defineN</c>) the connector writes. The platform order number goes to define13, as
/// the EDI integration in the reference does; the marketing tags use define14–17. None is standard: the tenant
/// enables them on the sales order (or the connector is configured to other ones / told not to write the tags).
/// </summary>
public static class YonBipHeadDefines
{
    public const string HeadItem = "headItem";
    public const string ExternalOrderNo = "define13";

    public static readonly IReadOnlyDictionary<string, string> MarketingByTag = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["anchorId"] = "define14",
        ["anchorName"] = "define15",
        ["liveRoomId"] = "define16",
        ["channel"] = "define17",
    };

    /// <summary>
    /// The money finance reconciles with the platform's settlement, in yuan: the freight (also a line's amount or part of
    /// the lines' amounts) and the discounts by who bears them. Written with the marketing tags.
    /// </summary>
    public const string Freight = "define18";
    public const string MerchantDiscount = "define19";
    public const string PlatformSubsidy = "define20";

    /// <summary>The <c>simpleVOs</c> field name of a header define, e.g. <c>headItem.define13</c>.</summary>
    public static string FieldName(string define) => HeadItem + "." + define;

    public static bool IsDefineName(string? name) =>
        name is { Length: > 6 } && name.StartsWith("define", StringComparison.Ordinal) && name[6..].All(char.IsAsciiDigit);
}
