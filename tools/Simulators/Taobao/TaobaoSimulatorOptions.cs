using ServerlessSync.Simulators.Core;

namespace ServerlessSync.Simulators.Taobao;

/// <summary>
/// Knobs of the Taobao (TOP) simulator, bound from <c>Simulators:Taobao</c>
/// (the shared gateway knobs on <see cref="SimPlatformOptions"/>). Throttled calls answer code 7 "App Call Limited".
/// </summary>
public sealed class TaobaoSimulatorOptions : SimPlatformOptions
{
    public string AppKey { get; set; } = "sim-taobao-app-key";

    public string AppSecret { get; set; } = "sim-taobao-app-secret";

    /// <summary>The session key (seller authorisation) the gateway accepts; it belongs to <see cref="SellerNick"/>.</summary>
    public string SessionKey { get; set; } = "sim-taobao-session-key";

    /// <summary>
    /// The seller whose trades the session sees; also the shop id the pipeline is configured with. Letters, digits and
    /// underscores only, so it can be part of an app setting name (<c>Platforms__Taobao__Shops__tb_shop_01__AccessToken</c>).
    /// </summary>
    public string SellerNick { get; set; } = "tb_shop_01";

    /// <summary>Calls whose <c>timestamp</c> is further than this from the simulator's clock are refused (TOP allows 10 minutes).</summary>
    public int MaxTimestampSkewSeconds { get; set; } = 600;

    /// <summary>
    /// After answering each <c>taobao.trades.sold.increment.get</c> page, this many trades at the head of the listed window
    /// (the most recently modified) are modified again, as buyers and sellers keep acting on orders while a client pages.
    /// Their new <c>modified</c> is now: in a window that lies in the past they leave it and every other trade moves up.
    /// </summary>
    public int BumpPerListPage { get; set; }
}
