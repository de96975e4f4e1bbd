using ServerlessSync.Simulators.Core;

namespace ServerlessSync.Simulators.WeChat;

/// <summary>
/// Knobs of the 微信小店 simulator, bound from <c>Simulators:WeChat</c> (the shared order-API knobs on
/// <see cref="SimPlatformOptions"/>). One simulated shop (one app). Throttled calls answer errcode 45009.
/// </summary>
public sealed class WeChatSimulatorOptions : SimPlatformOptions
{
    /// <summary>The shop's app id ("wx" + 16 hex, as WeChat issues them).</summary>
    public string AppId { get; set; } = "wx5e1f0c3a9b7d2468";

    public string AppSecret { get; set; } = "sim-wechat-app-secret";

    /// <summary>The push Token entered in the back-office (消息推送).</summary>
    public string Token { get; set; } = "sim-wechat-token";

    /// <summary>The 43-character EncodingAESKey entered in the back-office; this is WeChat's documentation sample key.</summary>
    public string EncodingAesKey { get; set; } = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    /// <summary>The 小店's user name, sent as <c>ToUserName</c> in every push.</summary>
    public string UserName { get; set; } = "gh_5e1f0c3a9b7d";

    /// <summary>Lifetime of issued access tokens (WeChat: 7200 s).</summary>
    public int TokenLifetimeSeconds { get; set; } = 7200;

    /// <summary>
    /// Writes <c>is_free_gift</c> as 1/0 instead of true/false: the reference leaves its wire type open (the doc says
    /// "1:是赠品", WxJava types it Boolean), so both can be played.
    /// </summary>
    public bool FreeGiftAsNumber { get; set; }

    /// <summary>
    /// A second merchantnotes/update of one order within this many milliseconds answers 100003 (订单更新过于频繁). WeChat
    /// documents the error but not its threshold, so 0 (the default) never answers it.
    /// </summary>
    public int MerchantNotesMinIntervalMs { get; set; }

    /// <summary>
    /// A second stock/update of one SKU within this many milliseconds answers 10020112 (更新该sku库存频率超限). WeChat documents
    /// the error but not its threshold, so 0 (the default) never answers it.
    /// </summary>
    public int StockUpdateMinIntervalMs { get; set; }
}
