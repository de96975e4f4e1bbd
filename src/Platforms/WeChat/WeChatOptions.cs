using ServerlessSync.Domain.Platforms.WeChat;

namespace ServerlessSync.Pipeline.Platforms.WeChat;

/// <summary>
/// 微信小店 settings, bound from <c>Platforms:WeChat</c>. Every 小店 is its own app: a shop under <see cref="Shops"/> may carry
/// its own AppId/AppSecret (else the defaults here apply) or a fixed AccessToken (e.g. a third-party authorizer token).
/// Token and EncodingAesKey are the push settings entered in the shop back-office (消息推送).
/// </summary>
public sealed class WeChatOptions
{
    public const string SectionName = "Platforms:WeChat";

    /// <summary>The API host, e.g. the simulator's <c>http://127.0.0.1:7080/wechat</c>; paths such as <c>/channels/ec/order/get</c> are appended.</summary>
    public string ApiBaseUrl { get; set; } = "";

    public string AppId { get; set; } = "";

    public string AppSecret { get; set; } = "";

    /// <summary>The push Token that signs URL verification and <c>msg_signature</c>.</summary>
    public string Token { get; set; } = "";

    /// <summary>The 43-character EncodingAESKey pushes are encrypted with.</summary>
    public string EncodingAesKey { get; set; } = "";

    /// <summary>Pushes whose <c>timestamp</c> is further than this from our clock are refused as stale (401).</summary>
    public int MaxTimestampSkewSeconds { get; set; } = (int)WeChatPushAdapter.DefaultMaxTimestampSkew.TotalSeconds;

    /// <summary>Shops by our shop id.</summary>
    public Dictionary<string, PlatformShopSettings> Shops { get; set; } = [];

    /// <summary>A push's <c>ToUserName</c> (the 小店's user name, e.g. <c>gh_...</c>) → our shop id.</summary>
    public Dictionary<string, string> UserNames { get; set; } = [];

    public (string AppId, string AppSecret) CredentialsFor(string shopId)
    {
        var shop = Shops.GetValueOrDefault(shopId);
        return (NonEmpty(shop?.AppId) ?? AppId, NonEmpty(shop?.AppSecret) ?? AppSecret);
    }

    /// <summary>The shop's fixed access token, if configured; otherwise tokens are fetched with the shop's app credentials.</summary>
    public string? FixedAccessTokenFor(string shopId) => NonEmpty(Shops.GetValueOrDefault(shopId)?.AccessToken);

    public WeChatShopDirectory ShopDirectory() =>
        new(Shops.Select(s => new WeChatShopApp(s.Key, CredentialsFor(s.Key).AppId)), UserNames, AppId);

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    /// <summary>What is wrong with these settings (checked when the app starts).</summary>
    public IEnumerable<string> Problems() =>
        SettingRules.AbsoluteUrl(nameof(ApiBaseUrl), ApiBaseUrl, required: false)
            .Concat(SettingRules.Secret(nameof(AppSecret), AppSecret, required: false))
            .Concat(SettingRules.Secret(nameof(Token), Token, required: false))
            .Concat(SettingRules.Secret(nameof(EncodingAesKey), EncodingAesKey, required: false))
            .Concat(SettingRules.AtLeast(nameof(MaxTimestampSkewSeconds), MaxTimestampSkewSeconds, 1))
            .Concat(PlatformShopSettings.Problems(Shops));
}
