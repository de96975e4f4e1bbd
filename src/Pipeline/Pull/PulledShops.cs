using Microsoft.Extensions.Configuration;

namespace ServerlessSync.Pipeline.Pull;

/// <summary>The shops configured for pull: <c>Platforms:{Section}:Shops:{shopId}</c> with PullEnabled not false.</summary>
public static class PulledShops
{
    private static readonly Dictionary<string, string> Sections = new()
    {
        [PlatformNames.Douyin] = "Douyin",
        [PlatformNames.Kuaishou] = "Kuaishou",
        [PlatformNames.WeChat] = "WeChat",
        [PlatformNames.Taobao] = "Taobao",
    };

    public static IReadOnlyList<string> For(IConfiguration configuration, string platform) =>
        Sections.TryGetValue(platform, out var section)
            ? configuration.GetSection($"Platforms:{section}:Shops").GetChildren()
                .Where(shop => shop.GetValue("PullEnabled", true))
                .Select(shop => shop.Key)
                .ToList()
            : [];
}
