namespace ServerlessSync.Pipeline.Platforms.Douyin;

/// <summary>抖店 open-API settings, bound from <c>Platforms:Douyin</c>.</summary>
public sealed class DouyinApiOptions
{
    public const string SectionName = "Platforms:Douyin";

    /// <summary>The gateway, e.g. the simulator's <c>http://127.0.0.1:7080/douyin</c>; paths such as <c>/order/orderDetail</c> are appended.</summary>
    public string ApiBaseUrl { get; set; } = "";

    public string AppKey { get; set; } = "";

    public string AppSecret { get; set; } = "";

    /// <summary>The token used for a shop that has no entry in <see cref="Shops"/>.</summary>
    public string AccessToken { get; set; } = "";

    /// <summary>Shops by shop id, each with its own access token and pull switch.</summary>
    public Dictionary<string, PlatformShopSettings> Shops { get; set; } = [];

    public string AccessTokenFor(string shopId) =>
        Shops.TryGetValue(shopId, out var shop) && !string.IsNullOrEmpty(shop.AccessToken) ? shop.AccessToken : AccessToken;

    /// <summary>What is wrong with these settings (checked when the app starts). With an app key, pushes are verified with the app secret, so it must be there.</summary>
    public IEnumerable<string> Problems() =>
        SettingRules.AbsoluteUrl(nameof(ApiBaseUrl), ApiBaseUrl, required: false)
            .Concat(SettingRules.Secret(nameof(AppSecret), AppSecret, required: !string.IsNullOrWhiteSpace(AppKey)))
            .Concat(SettingRules.Secret(nameof(AccessToken), AccessToken, required: false))
            .Concat(PlatformShopSettings.Problems(Shops));
}
