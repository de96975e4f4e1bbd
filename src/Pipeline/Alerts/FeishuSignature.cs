using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ServerlessSync.Pipeline.Alerts;

/// <summary>
/// Feishu custom bot 签名校验: sign = base64(HmacSHA256(key = timestamp + "\n" + secret, message = empty)) with the
/// timestamp in seconds; both go into the JSON body. Feishu refuses a timestamp more than an hour off.
/// </summary>
public static class FeishuSignature
{
    public static string Compute(string secret, long timestampSeconds)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var key = timestampSeconds.ToString(CultureInfo.InvariantCulture) + "\n" + secret;
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Array.Empty<byte>()));
    }
}
