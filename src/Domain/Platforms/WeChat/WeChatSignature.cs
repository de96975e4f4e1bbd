using System.Security.Cryptography;
using System.Text;

namespace ServerlessSync.Domain.Platforms.WeChat;

/// <summary>
/// The WeChat push signatures: lowercase hex SHA1 of the parts sorted lexicographically (ordinal, as Java's
/// <c>Arrays.sort</c>) and concatenated. URL verification signs <c>[Token, timestamp, nonce]</c>; an encrypted push's
/// <c>msg_signature</c> signs <c>[Token, timestamp, nonce, Encrypt]</c>.
/// </summary>
public static class WeChatSignature
{
    public static string Compute(params string[] parts)
    {
        var sorted = parts.Order(StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(sorted))));
    }

    /// <summary>Case-insensitive, constant-time comparison with the signature computed over <paramref name="parts"/>.</summary>
    public static bool Verify(string? signature, params string[] parts)
    {
        if (string.IsNullOrEmpty(signature))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(parts));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature.Trim().ToLowerInvariant()));
    }
}
