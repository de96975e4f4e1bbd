using System.Security.Cryptography;
using System.Text;

namespace ServerlessSync.Domain.Platforms.Taobao;

/// <summary>
/// The TOP request signature: every parameter except <c>sign</c>, sorted by name (ordinal), concatenated as
/// <c>name+value</c>; <c>md5</c>: UPPER(hex(MD5(secret + concat + secret))), <c>hmac</c>: UPPER(hex(HMAC-MD5(key = secret, concat))).
/// </summary>
public static class TaobaoTopSigner
{
    public const string SignParameter = "sign";

    public static string StringToSign(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Concat(parameters
            .Where(p => p.Key != SignParameter)
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Key + p.Value));

    /// <exception cref="ArgumentException"><paramref name="signMethod"/> is neither md5 nor hmac.</exception>
    public static string Sign(IEnumerable<KeyValuePair<string, string>> parameters, string secret, string signMethod)
    {
        var concat = StringToSign(parameters);
        var hash = signMethod switch
        {
            TaobaoSignMethod.Md5 => MD5.HashData(Encoding.UTF8.GetBytes(secret + concat + secret)),
            TaobaoSignMethod.Hmac => HMACMD5.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(concat)),
            _ => throw new ArgumentException($"sign_method '{signMethod}' is neither md5 nor hmac.", nameof(signMethod)),
        };
        return Convert.ToHexString(hash);
    }

    /// <summary>Constant-time, case-insensitive check of a received <c>sign</c>; false for an unknown sign method.</summary>
    public static bool Verify(IEnumerable<KeyValuePair<string, string>> parameters, string secret, string? signMethod, string? sign)
    {
        if (string.IsNullOrEmpty(sign) || !TaobaoSignMethod.IsKnown(signMethod))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(parameters, secret, signMethod!));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(sign.ToUpperInvariant()));
    }
}
