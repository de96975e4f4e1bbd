namespace ServerlessSync.Simulators.Demo;

/// <summary>The demo shop on each platform (the simulators' defaults, matching the LocalHost settings and config/profiles).</summary>
public static class DemoPlatforms
{
    public sealed record Shop(string Platform, string ShopId, bool Pushes);

    public static readonly IReadOnlyDictionary<string, Shop> ByName = new Dictionary<string, Shop>
    {
        ["douyin"] = new("douyin", DemoCatalog.ShopId, Pushes: true),
        ["kuaishou"] = new("kuaishou", "5000100", Pushes: true),
        ["wechat"] = new("wechat", "wx5e1f0c3a9b7d2468", Pushes: true),
        // Taobao has no HTTP push (TMC is a WebSocket): its orders reach the hub through pull only.
        ["taobao"] = new("taobao", "tb_shop_01", Pushes: false),
    };

    /// <summary>The ERP simulators' inspection paths, by <c>--erp</c> value.</summary>
    public static readonly IReadOnlyDictionary<string, string> ErpInspection = new Dictionary<string, string>
    {
        ["kingdee"] = "/kingdee/_sim/orders",
        ["yonbip"] = "/yonbip/_sim/orders",
        ["sap"] = "/sap/_sim/orders",
        ["jushuitan"] = "/jushuitan/_sim/orders",
    };

    /// <summary>The <c>--erp</c> values whose simulator's warehouse ships orders (<c>--ship</c>).</summary>
    public static readonly IReadOnlySet<string> ShippingErps = new HashSet<string>(["kingdee", "yonbip", "sap", "jushuitan"], StringComparer.Ordinal);
}
