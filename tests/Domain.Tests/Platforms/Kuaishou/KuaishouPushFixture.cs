using System.Security.Cryptography;
using System.Text.Encodings.Web;

namespace ServerlessSync.Domain.Tests.Platforms.Kuaishou;

/// <summary>
/// Pushes built the way the platform documents them, with the BCL's AES directly (not the code under test):
/// AES/CBC/PKCS7, key = Base64-decoded message key, IV = 16 zero bytes, body = Base64 of the cipher text.
/// </summary>
internal static class KuaishouPushFixture
{
    public const string AppKey = "test-app-key";

    /// <summary>Base64 of the 16 ASCII bytes "test-message-key".</summary>
    public const string MessageKey = "dGVzdC1tZXNzYWdlLWtleQ==";

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Encrypt(string plaintext, string messageKey = MessageKey)
    {
        using var aes = Aes.Create();
        aes.Key = Convert.FromBase64String(messageKey);
        var cipher = aes.EncryptCbc(Encoding.UTF8.GetBytes(plaintext), new byte[16], PaddingMode.PKCS7);
        return Encoding.ASCII.GetBytes(Convert.ToBase64String(cipher));
    }

    public static string Envelope(
        string eventName = "kwaishop_order_paySuccess",
        string bizId = "2607602240240301",
        string userId = "5000100",
        string info = """{"oid":2607602240240301,"sellerId":5000100,"status":30,"updateTime":1762862460000}""",
        long updateTime = 1762862460000,
        string appKey = AppKey,
        bool test = false,
        string msgId = "m-1") =>
        $$"""{"eventId":"e-1","msgId":"{{msgId}}","bizId":{{bizId}},"userId":{{userId}},"openId":"f19abc","appKey":"{{appKey}}","event":"{{eventName}}","info":{{JsonSerializer.Serialize(info, Json)}},"status":30,"createTime":1762862400000,"updateTime":{{updateTime}},"operator":"","test":{{(test ? "true" : "false")}}}""";
}
