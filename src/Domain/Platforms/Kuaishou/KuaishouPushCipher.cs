using System.Security.Cryptography;
using System.Text;

namespace ServerlessSync.Domain.Platforms.Kuaishou;

/// <summary>
/// The 快手 push encryption: the whole HTTP body is Base64 of AES/CBC/PKCS5Padding cipher text, key = Base64-decoded
/// 消息密钥 (MessageKey), IV = 16 zero bytes, plaintext UTF-8 JSON.
/// </summary>
public static class KuaishouPushCipher
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The AES key from the console's Base64 message key.</summary>
    /// <exception cref="ArgumentException">Not Base64 of a 16, 24 or 32 byte key.</exception>
    public static byte[] KeyFromMessageKey(string messageKey)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(messageKey?.Trim() ?? "");
        }
        catch (FormatException ex)
        {
            throw new ArgumentException("The Kuaishou message key must be Base64.", nameof(messageKey), ex);
        }

        if (key.Length is not (16 or 24 or 32))
        {
            throw new ArgumentException($"The Kuaishou message key decodes to {key.Length} bytes; AES needs 16, 24 or 32.", nameof(messageKey));
        }

        return key;
    }

    /// <summary>Base64 cipher text of <paramref name="plaintext"/>, exactly as the platform sends it.</summary>
    public static string Encrypt(string plaintext, string messageKey)
    {
        using var aes = Aes.Create();
        aes.Key = KeyFromMessageKey(messageKey);
        return Convert.ToBase64String(aes.EncryptCbc(Encoding.UTF8.GetBytes(plaintext), new byte[16], PaddingMode.PKCS7));
    }

    /// <summary>
    /// Reads the raw body as Base64; false when it is empty or not Base64 (no cipher text at all).
    /// </summary>
    public static bool TryDecodeBody(ReadOnlySpan<byte> rawBody, out byte[] cipherText)
    {
        cipherText = [];
        var text = Encoding.Latin1.GetString(rawBody).Trim();
        if (text.Length == 0)
        {
            return false;
        }

        var buffer = new byte[(text.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(text, buffer, out var written) || written == 0)
        {
            return false;
        }

        cipherText = buffer[..written];
        return true;
    }

    /// <summary>
    /// Decrypts with the AES key; false when the cipher text does not decrypt to UTF-8 text under this key (wrong length,
    /// bad padding, or bytes that are not UTF-8), which is what a body not encrypted by the platform with our key gives.
    /// </summary>
    public static bool TryDecrypt(byte[] cipherText, byte[] key, out string plaintext)
    {
        plaintext = "";
        if (cipherText.Length == 0 || cipherText.Length % 16 != 0)
        {
            return false;
        }

        try
        {
            using var aes = Aes.Create();
            aes.Key = key;
            plaintext = StrictUtf8.GetString(aes.DecryptCbc(cipherText, new byte[16], PaddingMode.PKCS7));
            return true;
        }
        catch (Exception ex) when (ex is CryptographicException or DecoderFallbackException)
        {
            return false;
        }
    }
}
