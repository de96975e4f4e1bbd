using System.Security.Cryptography;
using System.Text;

namespace ServerlessSync.Domain.Platforms.Douyin;

/// <summary>
/// The 抖店 open-API request signature (v2, hmac-sha256):
/// <c>pattern = "app_key"+app_key+"method"+method+"param_json"+param_json+"timestamp"+timestamp+"v2"</c>,
/// <c>sign = hex(HMAC-SHA256(key = app_secret, app_secret + pattern + app_secret))</c>.
/// </summary>
public static class DouyinApiSigner
{
    public const string Version = "2";
    public const string SignMethod = "hmac-sha256";

    /// <summary><c>/order/orderDetail</c> → <c>order.orderDetail</c>.</summary>
    public static string MethodFromPath(string path) => path.Trim('/').Replace('/', '.');

    /// <summary>The business parameters as <c>param_json</c>: object keys sorted ordinally at every level, no HTML escaping.</summary>
    public static string ParamJson(object? businessParams) => SortedParamJson.Write(businessParams);

    public static string Sign(string appKey, string appSecret, string method, string paramJson, string timestamp)
    {
        var pattern = $"app_key{appKey}method{method}param_json{paramJson}timestamp{timestamp}v{Version}";
        var data = Encoding.UTF8.GetBytes(appSecret + pattern + appSecret);
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), data));
    }

    /// <summary>Constant-time, case-insensitive check of a received <c>sign</c>.</summary>
    public static bool Verify(string appKey, string appSecret, string method, string paramJson, string timestamp, string? sign)
    {
        if (string.IsNullOrEmpty(sign))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(appKey, appSecret, method, paramJson, timestamp));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(sign.ToLowerInvariant()));
    }

    /// <summary>True when <paramref name="timestamp"/> is unix seconds within <paramref name="maxSkew"/> of <paramref name="now"/>.</summary>
    public static bool IsTimestampFresh(string? timestamp, DateTimeOffset now, TimeSpan maxSkew) =>
        long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) &&
        Math.Abs(now.ToUnixTimeSeconds() - seconds) <= (long)maxSkew.TotalSeconds;

    public static DouyinSignedRequest BuildRequest(
        string appKey, string appSecret, string accessToken, string path, object? businessParams, DateTimeOffset now)
    {
        var method = MethodFromPath(path);
        var paramJson = ParamJson(businessParams);
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var sign = Sign(appKey, appSecret, method, paramJson, timestamp);
        var query = string.Join('&',
            Pair("app_key", appKey),
            Pair("method", method),
            Pair("timestamp", timestamp),
            Pair("v", Version),
            Pair("sign", sign),
            Pair("sign_method", SignMethod),
            Pair("access_token", accessToken));
        return new DouyinSignedRequest("/" + path.Trim('/'), method, timestamp, sign, query, paramJson);
    }

    private static string Pair(string name, string value) => $"{name}={Uri.EscapeDataString(value)}";
}
