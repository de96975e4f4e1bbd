namespace ServerlessSync.Domain.Platforms.WeChat;

/// <summary>One configured 微信小店 and the app id its pushes are encrypted for.</summary>
public sealed record WeChatShopApp(string ShopId, string AppId);

/// <summary>Which configured shop a push belongs to, or why none does (HTTP status and reason), or that none is configured for it yet.</summary>
public sealed record WeChatShopMatch(string? ShopId, int RejectStatusCode, string? RejectReason)
{
    /// <summary>No configured shop matches: the push is genuine (its app is ours) but its shop has not been added yet.</summary>
    public bool IsUnknownShop => ShopId is null && RejectStatusCode == 0;

    public static WeChatShopMatch Found(string shopId) => new(shopId, 0, null);

    public static WeChatShopMatch UnknownShop() => new(null, 0, null);

    public static WeChatShopMatch Reject(int statusCode, string reason) => new(null, statusCode, reason);
}

/// <summary>
/// Maps a push to our shop id. The push names the shop by <c>ToUserName</c> (the 小店's user name); configuration maps user
/// names to shop ids. A shop keyed by its user name needs no map entry, and when the user name is unmapped the app id
/// the message was encrypted for decides, if exactly one shop uses that app. Otherwise the shop is unknown (not configured
/// yet): the push is kept until it is.
/// </summary>
public sealed class WeChatShopDirectory
{
    private readonly Dictionary<string, string> appIdByShop;
    private readonly Dictionary<string, string> shopByUserName;
    private readonly string? defaultAppId;

    /// <param name="shops">Configured shops with their effective app id (their own, else the default one).</param>
    /// <param name="userNames">ToUserName → shop id.</param>
    /// <param name="defaultAppId">The app id of shops without their own.</param>
    public WeChatShopDirectory(IEnumerable<WeChatShopApp> shops, IReadOnlyDictionary<string, string> userNames, string? defaultAppId)
    {
        appIdByShop = shops.ToDictionary(s => s.ShopId, s => s.AppId, StringComparer.Ordinal);
        shopByUserName = userNames.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        this.defaultAppId = string.IsNullOrEmpty(defaultAppId) ? null : defaultAppId;
    }

    public bool IsKnownApp(string appId) =>
        appId.Length > 0 && (appId == defaultAppId || appIdByShop.ContainsValue(appId));

    public WeChatShopMatch Resolve(string? toUserName, string appId)
    {
        var shopId = toUserName is null ? null
            : shopByUserName.TryGetValue(toUserName, out var mapped) ? mapped
            : appIdByShop.ContainsKey(toUserName) ? toUserName
            : null;
        if (shopId is not null)
        {
            var expected = appIdByShop.GetValueOrDefault(shopId) ?? defaultAppId;
            return expected == appId
                ? WeChatShopMatch.Found(shopId)
                : WeChatShopMatch.Reject(401, "the message's appid is not the app of the shop named by ToUserName");
        }

        // Where only one shop is configured for the app, the app's pushes are that shop's.
        var byApp = appIdByShop.Where(s => s.Value == appId).Select(s => s.Key).Take(2).ToList();
        return byApp.Count == 1 ? WeChatShopMatch.Found(byApp[0]) : WeChatShopMatch.UnknownShop();
    }
}
