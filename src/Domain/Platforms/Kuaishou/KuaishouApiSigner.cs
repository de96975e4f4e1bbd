using System.Security.Cryptography;
using System.Text;

namespace ServerlessSync.Domain.Platforms.Kuaishou;

/// <summary>
/// The 快手 open-API request signature (KS-PHP <c>Md5Signer</c>/<c>HmacSha256Signer</c>, KS-DEMO <c>SignUtils</c>): every
/// system parameter except <c>sign</c> (<c>access_token, appkey, method, param, signMethod, timestamp, version</c>), sorted by
/// name, joined as <c>k=v</c> with <c>&amp;</c>, then <c>&amp;signSecret=&lt;signSecret&gt;</c>. <c>MD5</c> gives lowercase hex,
/// <c>HMAC_SHA256</c> (key = signSecret) gives Base64. Values are signed raw, before URL encoding.
/// </summary>
public static class KuaishouApiSigner
{
    public const string Md5 = "MD5";
    public const string HmacSha256 = "HMAC_SHA256";
    public const string Version = "1";

    public const string AppKeyParam = "appkey";
    public const string MethodParam = "method";
    public const string VersionParam = "version";
    public const string ParamParam = "param";
    public const string AccessTokenParam = "access_token";
    public const string TimestampParam = "timestamp";
    public const string SignMethodParam = "signMethod";
    public const string SignParam = "sign";

    public static bool IsKnownSignMethod(string? signMethod) => signMethod is Md5 or HmacSha256;

    /// <summary><c>open.order.cursor.list</c> → <c>/open/order/cursor/list</c>.</summary>
    public static string PathFor(string method) => "/" + method.Trim('.').Replace('.', '/');

    /// <summary>The business parameters as the <c>param</c> JSON string (keys sorted for a stable text, no HTML escaping).</summary>
    public static string ParamJson(object? businessParams) => SortedParamJson.Write(businessParams);

    /// <summary>The text that is hashed: sorted <c>k=v</c> pairs of every non-null parameter but <c>sign</c>, then the secret.</summary>
    public static string SigningText(IReadOnlyDictionary<string, string?> parameters, string signSecret)
    {
        var pairs = parameters
            .Where(p => p.Value is not null && p.Key != SignParam && p.Key != "signSecret")
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}")
            .Append($"signSecret={signSecret}");
        return string.Join('&', pairs);
    }

    /// <exception cref="ArgumentException">An unknown sign method.</exception>
    public static string Sign(IReadOnlyDictionary<string, string?> parameters, string signSecret, string signMethod)
    {
        var text = Encoding.UTF8.GetBytes(SigningText(parameters, signSecret));
        return signMethod switch
        {
            Md5 => Convert.ToHexStringLower(MD5.HashData(text)),
            HmacSha256 => Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signSecret), text)),
            _ => throw new ArgumentException($"Unknown signMethod '{signMethod}'; expected {Md5} or {HmacSha256}.", nameof(signMethod)),
        };
    }

    /// <summary>Checks a received <c>sign</c> in constant time, with the <c>signMethod</c> named in the parameters.</summary>
    public static bool Verify(IReadOnlyDictionary<string, string?> parameters, string signSecret)
    {
        var method = parameters.GetValueOrDefault(SignMethodParam);
        var sign = parameters.GetValueOrDefault(SignParam);
        if (string.IsNullOrEmpty(sign) || !IsKnownSignMethod(method))
        {
            return false;
        }

        var expected = Sign(parameters, signSecret, method!);
        var received = method == Md5 ? sign.ToLowerInvariant() : sign;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(received));
    }

    /// <summary>True when <paramref name="timestamp"/> is unix milliseconds within <paramref name="maxSkew"/> of <paramref name="now"/>.</summary>
    public static bool IsTimestampFresh(string? timestamp, DateTimeOffset now, TimeSpan maxSkew) =>
        long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) &&
        Math.Abs(now.ToUnixTimeMilliseconds() - ms) <= (long)maxSkew.TotalMilliseconds;

    /// <summary>A signed call of <paramref name="method"/> (version 1) with the business parameters as <c>param</c>.</summary>
    public static KuaishouSignedRequest BuildRequest(
        string appKey, string signSecret, string accessToken, string method, object? businessParams, DateTimeOffset now, string signMethod = HmacSha256)
    {
        var parameters = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [AppKeyParam] = appKey,
            [MethodParam] = method,
            [VersionParam] = Version,
            [ParamParam] = ParamJson(businessParams),
            [AccessTokenParam] = accessToken,
            [TimestampParam] = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            [SignMethodParam] = signMethod,
        };
        parameters[SignParam] = Sign(parameters, signSecret, signMethod);
        return new KuaishouSignedRequest(PathFor(method), method, parameters.ToDictionary(p => p.Key, p => p.Value!, StringComparer.Ordinal));
    }
}
