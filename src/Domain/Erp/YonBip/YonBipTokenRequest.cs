using System.Security.Cryptography;
using System.Text;

namespace ServerlessSync.Domain.Erp.YonBip;

/// <summary>
/// getAccessToken (自建应用): <c>GET {tokenUrl}/open-auth/selfAppAuth/getAccessToken?appKey=..&amp;timestamp=&lt;ms&gt;&amp;signature=..</c>,
/// where signature = URLEncode(Base64(HmacSHA256(parameter names and values concatenated in name order, appSecret))).
/// </summary>
public static class YonBipTokenRequest
{
    /// <summary>The string to sign: <c>appKey{appKey}timestamp{timestamp}</c> (names in order, signature excluded).</summary>
    public static string StringToSign(string appKey, long timestampMs)
    {
        ArgumentNullException.ThrowIfNull(appKey);
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["appKey"] = appKey,
            ["timestamp"] = timestampMs.ToString(CultureInfo.InvariantCulture),
        };
        return string.Concat(parameters.Select(p => p.Key + p.Value));
    }

    /// <summary>Base64 of the HMAC-SHA256; URL-encode it once when putting it in the query.</summary>
    public static string ComputeSignature(string appKey, string appSecret, long timestampMs)
    {
        ArgumentNullException.ThrowIfNull(appSecret);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), Encoding.UTF8.GetBytes(StringToSign(appKey, timestampMs)));
        return Convert.ToBase64String(mac);
    }

    public static string BuildQuery(string appKey, string appSecret, long timestampMs) =>
        "appKey=" + Uri.EscapeDataString(appKey) +
        "&timestamp=" + timestampMs.ToString(CultureInfo.InvariantCulture) +
        "&signature=" + Uri.EscapeDataString(ComputeSignature(appKey, appSecret, timestampMs));
}
