namespace ServerlessSync.Domain.Orders;

/// <summary>The platform names used in routes, instance ids and configuration.</summary>
public static class PlatformNames
{
    public const string Douyin = "douyin";
    public const string Kuaishou = "kuaishou";
    public const string WeChat = "wechat";
    public const string Taobao = "taobao";

    public static readonly IReadOnlyList<string> All = [Douyin, Kuaishou, WeChat, Taobao];

    public static bool IsKnown(string platform) => All.Contains(platform);
}
