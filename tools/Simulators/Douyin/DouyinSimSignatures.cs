using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ServerlessSync.Simulators.Douyin;

/// <summary>
/// 抖店's signatures as the simulator computes them, written from the platform's documentation (platforms.md §1.1 and
/// §1.2) and not shared with the hub, so a mistake in the hub's signer cannot be mirrored here:
/// push <c>event-sign</c> = hex MD5(app_key + raw body + app_secret); API <c>sign</c> = hex HMAC-SHA256 keyed with the app
/// secret over app_secret + "app_key…method…param_json…timestamp…v2" + app_secret.
/// </summary>
public static class DouyinSimSignatures
{
    public const string ApiVersion = "2";

    public const string ApiSignMethod = "hmac-sha256";

    public static string EventSign(string appKey, string appSecret, byte[] rawBody)
    {
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(appKey));
        bytes.AddRange(rawBody);
        bytes.AddRange(Encoding.UTF8.GetBytes(appSecret));
        return Convert.ToHexStringLower(MD5.HashData(bytes.ToArray()));
    }

    public static string ApiSign(string appKey, string appSecret, string method, string paramJson, string timestamp)
    {
        var text = new StringBuilder(appSecret)
            .Append("app_key").Append(appKey)
            .Append("method").Append(method)
            .Append("param_json").Append(paramJson)
            .Append("timestamp").Append(timestamp)
            .Append('v').Append(ApiVersion)
            .Append(appSecret)
            .ToString();
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(appSecret));
        return Convert.ToHexStringLower(hmac.ComputeHash(Encoding.UTF8.GetBytes(text)));
    }

    public static bool ApiSignMatches(string appKey, string appSecret, string method, string paramJson, string timestamp, string? sign) =>
        SimSignatureCheck.Same(ApiSign(appKey, appSecret, method, paramJson, timestamp), sign, ignoreCase: true);

    /// <summary><c>/order/searchList</c> is method <c>order.searchList</c>.</summary>
    public static string MethodOf(string path) => string.Join('.', path.Split('/', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Unix seconds within <paramref name="maxSkew"/> of the simulator's clock.</summary>
    public static bool IsFresh(string timestamp, DateTimeOffset now, TimeSpan maxSkew) =>
        long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) &&
        Math.Abs(now.ToUnixTimeSeconds() - seconds) <= maxSkew.TotalSeconds;
}
