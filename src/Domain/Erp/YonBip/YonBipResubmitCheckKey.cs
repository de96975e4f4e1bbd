using System.Security.Cryptography;
using System.Text;

namespace ServerlessSync.Domain.Erp.YonBip;

/// <summary>
/// The singleSave idempotency key (≤ 32 characters, unique per API within the tenant), derived from the platform
/// order alone so every retry of the same order sends the same key: a short platform prefix plus the order number
/// (<c>dy6921234567890123</c>), or, when that would be too long or carries other characters, <c>h</c> plus 31 hex
/// digits of a SHA-256 over platform and order number.
/// </summary>
public static class YonBipResubmitCheckKey
{
    public const int MaxLength = 32;

    public static string For(string platform, string externalOrderNo)
    {
        ArgumentException.ThrowIfNullOrEmpty(platform);
        ArgumentException.ThrowIfNullOrEmpty(externalOrderNo);
        var readable = Prefix(platform) + externalOrderNo;
        if (readable.Length <= MaxLength && readable.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return readable;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(platform + ":" + externalOrderNo));
        return "h" + Convert.ToHexStringLower(hash)[..(MaxLength - 1)];
    }

    private static string Prefix(string platform) => platform switch
    {
        PlatformNames.Douyin => "dy",
        PlatformNames.Kuaishou => "ks",
        PlatformNames.WeChat => "wx",
        PlatformNames.Taobao => "tb",
        _ => new string(platform.Where(char.IsAsciiLetterOrDigit).Take(2).ToArray()).ToLowerInvariant() + "-",
    };
}
