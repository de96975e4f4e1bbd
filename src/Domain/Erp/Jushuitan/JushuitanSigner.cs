using System.Security.Cryptography;
using System.Text;

namespace ServerlessSync.Domain.Erp.Jushuitan;

/// <summary>
/// <c>sign = md5_hex_lower(app_secret + concat(key + value for key in sorted(params)))</c> over every form field
/// except <c>sign</c> (ordinal key order, UTF-8).
/// </summary>
public static class JushuitanSigner
{
    public const string SignField = "sign";

    public static string StringToSign(IEnumerable<KeyValuePair<string, string>> parameters, string appSecret)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(appSecret);
        var builder = new StringBuilder(appSecret);
        foreach (var (key, value) in parameters.Where(p => p.Key != SignField).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            builder.Append(key).Append(value);
        }

        return builder.ToString();
    }

    public static string Sign(IEnumerable<KeyValuePair<string, string>> parameters, string appSecret) =>
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(StringToSign(parameters, appSecret))));
}
