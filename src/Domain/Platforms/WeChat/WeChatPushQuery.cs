namespace ServerlessSync.Domain.Platforms.WeChat;

/// <summary>The URL parameters of an encrypted push: <c>?timestamp=&amp;nonce=&amp;encrypt_type=aes&amp;msg_signature=</c>.</summary>
public sealed record WeChatPushQuery(string? MsgSignature, string? Timestamp, string? Nonce, string? EncryptType);
