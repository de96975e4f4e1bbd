using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ServerlessSync.Domain.Platforms.WeChat;

/// <summary>A decrypted push: the message (JSON for 微信小店) and the app id the platform appended to it.</summary>
public sealed record WeChatDecryptedMessage(string Message, string AppId);

/// <summary>
/// WeChat's secure-mode message encryption: key = Base64(EncodingAESKey + "=") (32 bytes), AES-256-CBC with
/// IV = key[0..16], PKCS#7 padding to a 32-byte block (WeChat pads to 32, not to AES's 16), plaintext =
/// 16 random bytes + 4-byte big-endian message length + message + app id, all Base64-encoded.
/// </summary>
public sealed class WeChatMessageCrypto
{
    public const int EncodingAesKeyLength = 43;
    public const int PadBlockSize = 32;
    public const int RandomPrefixLength = 16;

    private const int LengthFieldSize = 4;
    private readonly byte[] key;
    private readonly byte[] iv;

    /// <exception cref="ArgumentException">The key is not a 43-character Base64 EncodingAESKey.</exception>
    public WeChatMessageCrypto(string encodingAesKey)
    {
        key = DeriveKey(encodingAesKey);
        iv = key[..16];
    }

    /// <exception cref="ArgumentException">The key is not a 43-character Base64 EncodingAESKey.</exception>
    public static byte[] DeriveKey(string encodingAesKey)
    {
        if (encodingAesKey is null || encodingAesKey.Length != EncodingAesKeyLength)
        {
            throw new ArgumentException($"An EncodingAESKey has {EncodingAesKeyLength} characters.", nameof(encodingAesKey));
        }

        var buffer = new byte[33];
        if (!Convert.TryFromBase64String(encodingAesKey + "=", buffer, out var written) || written != 32)
        {
            throw new ArgumentException("The EncodingAESKey is not Base64 for 32 bytes.", nameof(encodingAesKey));
        }

        return buffer[..32];
    }

    public string Encrypt(string message, string appId) => Encrypt(message, appId, RandomNumberGenerator.GetBytes(RandomPrefixLength));

    /// <summary>Encrypts with a given 16-byte random prefix (tests and reproducible simulations pass a fixed one).</summary>
    public string Encrypt(string message, string appId, ReadOnlySpan<byte> randomPrefix)
    {
        if (randomPrefix.Length != RandomPrefixLength)
        {
            throw new ArgumentException($"The random prefix has {RandomPrefixLength} bytes.", nameof(randomPrefix));
        }

        var messageBytes = Encoding.UTF8.GetBytes(message);
        var appIdBytes = Encoding.UTF8.GetBytes(appId);
        var length = RandomPrefixLength + LengthFieldSize + messageBytes.Length + appIdBytes.Length;
        var pad = PadBlockSize - (length % PadBlockSize);
        var plain = new byte[length + pad];
        randomPrefix.CopyTo(plain);
        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(RandomPrefixLength), messageBytes.Length);
        messageBytes.CopyTo(plain, RandomPrefixLength + LengthFieldSize);
        appIdBytes.CopyTo(plain, RandomPrefixLength + LengthFieldSize + messageBytes.Length);
        plain.AsSpan(length).Fill((byte)pad);

        using var aes = Aes.Create();
        aes.Key = key;
        return Convert.ToBase64String(aes.EncryptCbc(plain, iv, PaddingMode.None));
    }

    /// <summary>Decrypts an <c>Encrypt</c> value; null with a reason when it is not Base64, not a whole number of blocks, or its layout is broken.</summary>
    public WeChatDecryptedMessage? TryDecrypt(string encrypted, out string? error)
    {
        var cipher = new byte[(encrypted.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(encrypted, cipher, out var cipherLength))
        {
            error = "Encrypt is not Base64";
            return null;
        }

        if (cipherLength == 0 || cipherLength % PadBlockSize != 0)
        {
            error = "Encrypt is not a whole number of 32-byte blocks";
            return null;
        }

        byte[] plain;
        using (var aes = Aes.Create())
        {
            aes.Key = key;
            plain = aes.DecryptCbc(cipher.AsSpan(0, cipherLength), iv, PaddingMode.None);
        }

        var pad = plain[^1];
        if (pad is < 1 or > PadBlockSize || plain.AsSpan(plain.Length - pad).ContainsAnyExcept(pad))
        {
            error = "padding is invalid (wrong EncodingAESKey?)";
            return null;
        }

        var content = plain.AsSpan(0, plain.Length - pad);
        if (content.Length < RandomPrefixLength + LengthFieldSize)
        {
            error = "plaintext is shorter than its header";
            return null;
        }

        var messageLength = BinaryPrimitives.ReadInt32BigEndian(content[RandomPrefixLength..]);
        var body = content[(RandomPrefixLength + LengthFieldSize)..];
        if (messageLength < 0 || messageLength > body.Length)
        {
            error = "message length field is out of range";
            return null;
        }

        try
        {
            var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
            error = null;
            return new WeChatDecryptedMessage(strict.GetString(body[..messageLength]), strict.GetString(body[messageLength..]));
        }
        catch (DecoderFallbackException)
        {
            error = "plaintext is not UTF-8";
            return null;
        }
    }
}
