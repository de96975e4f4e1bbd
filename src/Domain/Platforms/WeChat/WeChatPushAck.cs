namespace ServerlessSync.Domain.Platforms.WeChat;

/// <summary>What WeChat sends with a push and expects back: the query parameter names and the plain-text ack.</summary>
public static class WeChatPushAck
{
    /// <summary>"Reply success or an empty string (no encryption needed)".</summary>
    public const string Success = "success";

    public const string ContentType = "text/plain; charset=utf-8";

    public const string SignatureParam = "signature";
    public const string MsgSignatureParam = "msg_signature";
    public const string TimestampParam = "timestamp";
    public const string NonceParam = "nonce";
    public const string EchoStrParam = "echostr";

    /// <summary>
    /// The reference does not show the POST parameter names of the Channels page; these are the conventional ones of
    /// WeChat secure mode (<c>encrypt_type=aes</c>, <c>msg_signature</c>).
    /// </summary>
    public const string EncryptTypeParam = "encrypt_type";

    public const string AesEncryptType = "aes";
}
