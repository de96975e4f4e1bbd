using System.Buffers.Binary;
using System.Security.Cryptography;
using V = ServerlessSync.Domain.Tests.Platforms.WeChat.WeChatTestVectors;

namespace ServerlessSync.Domain.Tests.Platforms.WeChat;

public sealed class WeChatMessageCryptoTests
{
    private readonly WeChatMessageCrypto crypto = new(V.EncodingAesKey);

    [Fact]
    public void Key_is_the_base64_of_the_encoding_aes_key_with_one_pad_char()
    {
        Assert.Equal(V.AesKeyHex, Convert.ToHexStringLower(WeChatMessageCrypto.DeriveKey(V.EncodingAesKey)));
        Assert.Throws<ArgumentException>(() => new WeChatMessageCrypto(V.EncodingAesKey[..42]));
        Assert.Throws<ArgumentException>(() => new WeChatMessageCrypto("!!!" + V.EncodingAesKey[3..]));
    }

    [Fact]
    public void Encrypting_with_the_fixed_prefix_reproduces_the_openssl_vector()
    {
        var encrypted = crypto.Encrypt(V.Message, V.AppId, Encoding.ASCII.GetBytes(V.RandomPrefix));

        Assert.Equal(V.Encrypted, encrypted);
    }

    [Fact]
    public void The_openssl_vector_decrypts_to_the_message_and_app_id()
    {
        var decrypted = crypto.TryDecrypt(V.Encrypted, out var error);

        Assert.Null(error);
        Assert.Equal(new WeChatDecryptedMessage(V.Message, V.AppId), decrypted);
    }

    [Fact]
    public void The_vector_has_the_documented_layout_when_opened_with_plain_aes()
    {
        // Independent of the production code: raw AES-256-CBC, IV = key[0..16], no padding removal.
        using var aes = Aes.Create();
        aes.Key = Convert.FromHexString(V.AesKeyHex);
        var plain = aes.DecryptCbc(Convert.FromBase64String(V.Encrypted), aes.Key.AsSpan(0, 16), PaddingMode.None);

        Assert.Equal(256, plain.Length);
        Assert.Equal(V.RandomPrefix, Encoding.ASCII.GetString(plain, 0, 16));
        var length = BinaryPrimitives.ReadInt32BigEndian(plain.AsSpan(16, 4));
        Assert.Equal(Encoding.UTF8.GetByteCount(V.Message), length);
        Assert.Equal(V.Message, Encoding.UTF8.GetString(plain, 20, length));
        Assert.Equal(V.AppId, Encoding.ASCII.GetString(plain, 20 + length, V.AppId.Length));
        Assert.All(plain[^27..], b => Assert.Equal(27, b));
    }

    [Fact]
    public void Random_prefixes_make_different_cipher_texts_of_the_same_message()
    {
        var first = crypto.Encrypt("{\"a\":\"中文\"}", V.AppId);
        var second = crypto.Encrypt("{\"a\":\"中文\"}", V.AppId);

        Assert.NotEqual(first, second);
        Assert.Equal("{\"a\":\"中文\"}", crypto.TryDecrypt(first, out _)!.Message);
        Assert.Equal(V.AppId, crypto.TryDecrypt(second, out _)!.AppId);
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("QUJDRA==")]
    [InlineData("")]
    public void Garbage_does_not_decrypt(string encrypted)
    {
        Assert.Null(crypto.TryDecrypt(encrypted, out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public void A_different_key_does_not_decrypt_the_vector()
    {
        var other = new WeChatMessageCrypto("ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut");

        Assert.Null(other.TryDecrypt(V.Encrypted, out var error));
        Assert.NotNull(error);
    }
}
