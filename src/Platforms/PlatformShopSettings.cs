namespace ServerlessSync.Pipeline.Platforms;

/// <summary>
/// One merchant shop on a platform, configured under <c>Platforms:{Platform}:Shops:{shopId}</c>
/// (environment variable <c>Platforms__Douyin__Shops__100200300__AccessToken</c>). A shop has its own token and
/// its own pull watermark; the app key and secret belong to the developer app and are shared.
/// </summary>
public sealed class PlatformShopSettings
{
    /// <summary>The shop's access token (抖店/快手 access_token, 淘宝 session key, 微信小店 access token).</summary>
    public string? AccessToken { get; set; }

    /// <summary>WeChat Channels shops are separate apps: each has its own AppId and AppSecret.</summary>
    public string? AppId { get; set; }

    public string? AppSecret { get; set; }

    /// <summary>Whether the pull timer lists this shop's changed orders.</summary>
    public bool PullEnabled { get; set; } = true;

    /// <summary>Problems of the shops of one platform: their secrets are never unresolved Key Vault references.</summary>
    public static IEnumerable<string> Problems(IReadOnlyDictionary<string, PlatformShopSettings> shops) =>
        shops.SelectMany(shop =>
            SettingRules.Secret($"Shops:{shop.Key}:{nameof(AccessToken)}", shop.Value.AccessToken, required: false)
                .Concat(SettingRules.Secret($"Shops:{shop.Key}:{nameof(AppSecret)}", shop.Value.AppSecret, required: false)));
}
