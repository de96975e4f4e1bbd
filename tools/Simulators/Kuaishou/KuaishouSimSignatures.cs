using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ServerlessSync.Simulators.Kuaishou;

/// <summary>
/// 快手's API signature and push encryption as the simulator computes them, from the platform's documentation
/// (platforms.md §2.1 and §2.2), not the hub's code: parameters other than <c>sign</c> sorted by name and joined as
/// <c>k=v</c> with <c>&amp;</c>, then <c>&amp;signSecret=…</c>; MD5 → lowercase hex, HMAC_SHA256 (keyed with the sign secret) →
/// Base64. A push body is Base64 of AES-CBC/PKCS7 under the Base64-decoded message key with a zero IV.
/// </summary>
public static class KuaishouSimSignatures
{
    public const string Md5 = "MD5";
    public const string HmacSha256 = "HMAC_SHA256";
    public const string ApiVersion = "1";

    public const string AppKeyParam = "appkey";
    public const string MethodParam = "method";
    public const string VersionParam = "version";
    public const string ParamParam = "param";
    public const string AccessTokenParam = "access_token";
    public const string TimestampParam = "timestamp";
    public const string SignMethodParam = "signMethod";
    public const string SignParam = "sign";

    public static bool IsSignMethod(string? name) => name == Md5 || name == HmacSha256;

    /// <summary><c>open.order.cursor.list</c> is served at <c>/open/order/cursor/list</c>.</summary>
    public static string PathOf(string method) => "/" + string.Join('/', method.Split('.', StringSplitOptions.RemoveEmptyEntries));

    /// <exception cref="ArgumentException">Not MD5 or HMAC_SHA256.</exception>
    public static string ApiSign(IReadOnlyDictionary<string, string?> query, string signSecret, string signMethod)
    {
        var text = new StringBuilder();
        foreach (var name in query.Keys.Where(k => k != SignParam && query[k] is not null).Order(StringComparer.Ordinal))
        {
            text.Append(name).Append('=').Append(query[name]).Append('&');
        }

        text.Append("signSecret=").Append(signSecret);
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        if (signMethod == Md5)
        {
            return Convert.ToHexStringLower(MD5.HashData(bytes));
        }

        if (signMethod == HmacSha256)
        {
            using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(signSecret));
            return Convert.ToBase64String(hmac.ComputeHash(bytes));
        }

        throw new ArgumentException($"signMethod '{signMethod}' is neither {Md5} nor {HmacSha256}", nameof(signMethod));
    }

    public static bool ApiSignMatches(IReadOnlyDictionary<string, string?> query, string signSecret)
    {
        var method = query.GetValueOrDefault(SignMethodParam);
        return IsSignMethod(method) && SimSignatureCheck.Same(ApiSign(query, signSecret, method!), query.GetValueOrDefault(SignParam), ignoreCase: method == Md5);
    }

    /// <summary>Unix milliseconds within <paramref name="maxSkew"/> of the simulator's clock.</summary>
    public static bool IsFresh(string? timestamp, DateTimeOffset now, TimeSpan maxSkew) =>
        long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) &&
        Math.Abs(now.ToUnixTimeMilliseconds() - ms) <= maxSkew.TotalMilliseconds;

    /// <summary>The push body for <paramref name="plaintext"/>: Base64(AES-CBC(key = Base64-decoded message key, IV = 16 zero bytes, PKCS7)).</summary>
    public static string EncryptPush(string plaintext, string messageKey)
    {
        using var aes = Aes.Create();
        aes.Key = Convert.FromBase64String(messageKey);
        aes.IV = new byte[16];
        aes.Mode = CipherMode.CBC;
        aes.Padding = PaddingMode.PKCS7;
        using var encryptor = aes.CreateEncryptor();
        var input = Encoding.UTF8.GetBytes(plaintext);
        return Convert.ToBase64String(encryptor.TransformFinalBlock(input, 0, input.Length));
    }
}
