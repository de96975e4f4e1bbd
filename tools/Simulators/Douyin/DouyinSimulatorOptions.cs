using ServerlessSync.Simulators.Core;

namespace ServerlessSync.Simulators.Douyin;

/// <summary>
/// Knobs of the Douyin (抖店) simulator, bound from <c>Simulators:Douyin</c>
/// (the shared open-API knobs on <see cref="SimPlatformOptions"/>). Throttled calls answer the envelope code 60000.
/// </summary>
public sealed class DouyinSimulatorOptions : SimPlatformOptions
{
    public string AppKey { get; set; } = "sim-douyin-app-key";

    public string AppSecret { get; set; } = "sim-douyin-app-secret";

    /// <summary>Requests whose <c>timestamp</c> is further than this from the simulator's clock are refused, like the gateway does.</summary>
    public int MaxTimestampSkewSeconds { get; set; } = 600;

    /// <summary>
    /// Longest <c>update_time</c>/<c>create_time</c> range one order.searchList call may cover. The real limit is unknown;
    /// 24 h matches the pull adapter's one-day window.
    /// </summary>
    public int MaxSearchWindowHours { get; set; } = 24;

    /// <summary>
    /// Access token → shop id, as the platform binds each token to one shop (order.searchList lists that shop's orders).
    /// A token not listed here acts for <see cref="DemoCatalog.ShopId"/>.
    /// </summary>
    public Dictionary<string, string> ShopAccessTokens { get; set; } = [];

    /// <summary>
    /// Fault: order.searchList serves these orders with a non-numeric <c>order_id</c> (the id with "x" appended), as a
    /// black-box run once saw; order.orderDetail still knows them by their real id.
    /// </summary>
    public HashSet<string> GarbledListOrderIds { get; set; } = [];
}
