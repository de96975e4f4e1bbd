using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ServerlessSync.Simulators.WeChat;

/// <summary>
/// WeChat's secure-mode push encryption and signatures as the simulator computes them, from the platform's documentation
/// and its official WXBizMsgCrypt sample (platforms.md §3.1), not the hub's code. AES key = Base64(EncodingAESKey + "="),
/// AES-256-CBC with IV = the key's first 16 bytes and PKCS#7 padding to 32-byte blocks, over 16 random bytes + the message
/// length (4 bytes, big-endian) + the message + the app id. Signatures are hex SHA1 over the sorted, concatenated parts.
/// </summary>
public static class WeChatSimCrypto
{
    public const string AesEncryptType = "aes";

    public static string Encrypt(string encodingAesKey, string message, string appId) =>
        Encrypt(encodingAesKey, message, appId, RandomNumberGenerator.GetBytes(16));

    /// <param name="random">The 16 leading bytes; fixed only to reproduce a published vector.</param>
    public static string Encrypt(string encodingAesKey, string message, string appId, byte[] random)
    {
        var key = Convert.FromBase64String(encodingAesKey + "=");
        var text = Encoding.UTF8.GetBytes(message);
        var id = Encoding.UTF8.GetBytes(appId);
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, text.Length);
        var plain = random.Concat(length).Concat(text).Concat(id).ToList();
        var pad = 32 - (plain.Count % 32);
        plain.AddRange(Enumerable.Repeat((byte)pad, pad));

        using var aes = Aes.Create();
        aes.Key = key;
        aes.IV = key[..16];
        aes.Mode = CipherMode.CBC;
        aes.Padding = PaddingMode.None;
        using var encryptor = aes.CreateEncryptor();
        var block = plain.ToArray();
        return Convert.ToBase64String(encryptor.TransformFinalBlock(block, 0, block.Length));
    }

    /// <summary>Hex SHA1 of the parts sorted ordinally and joined (URL verification: token, timestamp, nonce; pushes add Encrypt).</summary>
    public static string Signature(params string[] parts)
    {
        var sorted = parts.Order(StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(sorted))));
    }
}
