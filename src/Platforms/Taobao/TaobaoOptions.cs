using ServerlessSync.Domain.Platforms.Taobao;

namespace ServerlessSync.Pipeline.Platforms.Taobao;

/// <summary>淘宝/天猫 TOP settings, bound from <c>Platforms:Taobao</c>.</summary>
public sealed class TaobaoOptions
{
    public const string SectionName = "Platforms:Taobao";

    /// <summary>The full gateway URL, e.g. the simulator's <c>http://127.0.0.1:7080/taobao/router/rest</c>.</summary>
    public string ApiBaseUrl { get; set; } = "";

    public string AppKey { get; set; } = "";

    public string AppSecret { get; set; } = "";

    /// <summary>The session key used for a shop that has no entry in <see cref="Shops"/>.</summary>
    public string SessionKey { get; set; } = "";

    /// <summary><c>md5</c> (default) or <c>hmac</c>.</summary>
    public string SignMethod { get; set; } = TaobaoSignMethod.Md5;

    /// <summary>Trades per incremental list page, 1–100; the API documentation advises 40–50.</summary>
    public int PageSize { get; set; } = TaobaoIncrementQuery.DefaultPageSize;

    /// <summary>Shops by shop id (the seller nick); each shop's <c>AccessToken</c> is its TOP session key.</summary>
    public Dictionary<string, PlatformShopSettings> Shops { get; set; } = [];

    public string SessionKeyFor(string shopId) =>
        Shops.TryGetValue(shopId, out var shop) && !string.IsNullOrEmpty(shop.AccessToken) ? shop.AccessToken : SessionKey;

    /// <summary>What is wrong with these settings (checked when the app starts).</summary>
    public IEnumerable<string> Problems() =>
        SettingRules.AbsoluteUrl(nameof(ApiBaseUrl), ApiBaseUrl, required: false)
            .Concat(SettingRules.Secret(nameof(AppSecret), AppSecret, required: false))
            .Concat(SettingRules.Secret(nameof(SessionKey), SessionKey, required: false))
            .Concat(SettingRules.AtLeast(nameof(PageSize), PageSize, 1))
            .Concat(PlatformShopSettings.Problems(Shops));
}
