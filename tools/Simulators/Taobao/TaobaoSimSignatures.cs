using System.Security.Cryptography;
using System.Text;

namespace ServerlessSync.Simulators.Taobao;

/// <summary>
/// The TOP request signature as the simulator checks it, from the platform's documentation (platforms.md §4.2), not the
/// hub's code: every parameter but <c>sign</c> sorted by name and concatenated as name + value; <c>md5</c> =
/// UPPER(MD5(secret + text + secret)), <c>hmac</c> = UPPER(HMAC-MD5 keyed with the secret over the text).
/// </summary>
public static class TaobaoSimSignatures
{
    public const string Md5 = "md5";
    public const string Hmac = "hmac";

    public static bool IsSignMethod(string? name) => name == Md5 || name == Hmac;

    /// <exception cref="ArgumentException">Neither md5 nor hmac.</exception>
    public static string Sign(IEnumerable<KeyValuePair<string, string>> parameters, string secret, string signMethod)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in parameters.Where(p => p.Key != "sign").OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append(value);
        }

        byte[] digest;
        if (signMethod == Md5)
        {
            digest = MD5.HashData(Encoding.UTF8.GetBytes(secret + text + secret));
        }
        else if (signMethod == Hmac)
        {
            using var hmac = new HMACMD5(Encoding.UTF8.GetBytes(secret));
            digest = hmac.ComputeHash(Encoding.UTF8.GetBytes(text.ToString()));
        }
        else
        {
            throw new ArgumentException($"sign_method '{signMethod}' is neither md5 nor hmac", nameof(signMethod));
        }

        return Convert.ToHexString(digest);
    }

    public static bool Matches(IEnumerable<KeyValuePair<string, string>> parameters, string secret, string? signMethod, string? sign) =>
        IsSignMethod(signMethod) && SimSignatureCheck.Same(Sign(parameters, secret, signMethod!), sign, ignoreCase: true);
}
