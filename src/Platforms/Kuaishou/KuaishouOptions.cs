using ServerlessSync.Domain.Platforms.Kuaishou;

namespace ServerlessSync.Pipeline.Platforms.Kuaishou;

/// <summary>快手小店 open-platform settings, bound from <c>Platforms:Kuaishou</c>.</summary>
public sealed class KuaishouOptions
{
    public const string SectionName = "Platforms:Kuaishou";

    /// <summary>The gateway, e.g. the simulator's <c>http://127.0.0.1:7080/kuaishou</c>; paths such as <c>/open/order/detail</c> are appended.</summary>
    public string ApiBaseUrl { get; set; } = "";

    public string AppKey { get; set; } = "";

    /// <summary>Used for OAuth token calls only; API calls are signed with <see cref="SignSecret"/>.</summary>
    public string AppSecret { get; set; } = "";

    /// <summary>The signing secret, a credential separate from the app secret.</summary>
    public string SignSecret { get; set; } = "";

    /// <summary>Base64 消息密钥 (AES key) that decrypts pushes.</summary>
    public string MessageKey { get; set; } = "";

    /// <summary><c>HMAC_SHA256</c> (default) or <c>MD5</c>.</summary>
    public string SignMethod { get; set; } = KuaishouApiSigner.HmacSha256;

    /// <summary>The token used for a shop (seller id) that has no entry in <see cref="Shops"/>.</summary>
    public string AccessToken { get; set; } = "";

    /// <summary>Shops by seller id, each with its own access token and pull switch.</summary>
    public Dictionary<string, PlatformShopSettings> Shops { get; set; } = [];

    public string AccessTokenFor(string shopId) =>
        Shops.TryGetValue(shopId, out var shop) && !string.IsNullOrEmpty(shop.AccessToken) ? shop.AccessToken : AccessToken;

    /// <summary>What is wrong with these settings (checked when the app starts).</summary>
    public IEnumerable<string> Problems() =>
        SettingRules.AbsoluteUrl(nameof(ApiBaseUrl), ApiBaseUrl, required: false)
            .Concat(SettingRules.Secret(nameof(AppSecret), AppSecret, required: false))
            .Concat(SettingRules.Secret(nameof(SignSecret), SignSecret, required: false))
            .Concat(SettingRules.Secret(nameof(MessageKey), MessageKey, required: false))
            .Concat(SettingRules.Secret(nameof(AccessToken), AccessToken, required: false))
            .Concat(PlatformShopSettings.Problems(Shops));
}
