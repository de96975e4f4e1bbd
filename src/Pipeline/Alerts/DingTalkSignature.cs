using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ServerlessSync.Pipeline.Alerts;

/// <summary>
/// DingTalk group robot 加签: sign = urlencode(base64(HmacSHA256(key = secret, timestamp + "\n" + secret))) with the
/// timestamp in milliseconds; both go into the webhook URL's query. DingTalk refuses a timestamp more than an hour off.
/// </summary>
public static class DingTalkSignature
{
    /// <summary>The base64 signature, before URL encoding.</summary>
    public static string Compute(string secret, long timestampMs)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var stringToSign = timestampMs.ToString(CultureInfo.InvariantCulture) + "\n" + secret;
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(stringToSign));
        return Convert.ToBase64String(mac);
    }

    /// <summary>The webhook URL with <c>&amp;timestamp=...&amp;sign=...</c> appended.</summary>
    public static string SignedUrl(string webhookUrl, string secret, long timestampMs)
    {
        ArgumentNullException.ThrowIfNull(webhookUrl);
        var separator = webhookUrl.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return $"{webhookUrl}{separator}timestamp={timestampMs.ToString(CultureInfo.InvariantCulture)}&sign={Uri.EscapeDataString(Compute(secret, timestampMs))}";
    }
}
