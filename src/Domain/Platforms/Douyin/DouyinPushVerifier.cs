using System.Security.Cryptography;
using System.Text;

namespace ServerlessSync.Domain.Platforms.Douyin;

/// <summary>
/// The <c>event-sign</c> check of 抖店 pushes: lowercase hex MD5(app_key + raw body + app_secret), over the exact
/// bytes received, and <c>app-id</c> equal to the app key.
/// </summary>
public static class DouyinPushVerifier
{
    public static string ComputeEventSign(string appKey, string appSecret, ReadOnlySpan<byte> rawBody)
    {
        var key = Encoding.UTF8.GetBytes(appKey);
        var secret = Encoding.UTF8.GetBytes(appSecret);
        var buffer = new byte[key.Length + rawBody.Length + secret.Length];
        key.CopyTo(buffer, 0);
        rawBody.CopyTo(buffer.AsSpan(key.Length));
        secret.CopyTo(buffer, key.Length + rawBody.Length);
        return Convert.ToHexStringLower(MD5.HashData(buffer));
    }

    /// <summary>Compares case-insensitively and in constant time for signatures of the expected length.</summary>
    public static bool IsSignatureValid(string appKey, string appSecret, string? eventSign, ReadOnlySpan<byte> rawBody)
    {
        // Without the secret anybody can compute MD5(app_key + body): nothing verifies then.
        if (string.IsNullOrEmpty(eventSign) || string.IsNullOrEmpty(appSecret))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(ComputeEventSign(appKey, appSecret, rawBody));
        var actual = Encoding.ASCII.GetBytes(eventSign.Trim().ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    public static bool IsAppIdValid(string appKey, string? appId) =>
        !string.IsNullOrEmpty(appId) &&
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(appKey), Encoding.UTF8.GetBytes(appId.Trim()));
}
