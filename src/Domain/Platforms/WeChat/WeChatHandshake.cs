namespace ServerlessSync.Domain.Platforms.WeChat;

/// <summary>The answer to a URL-verification GET: the text to echo, or a 4xx with its reason.</summary>
public sealed record WeChatHandshakeResult(bool Accepted, string Reply, int StatusCode, string? Reason)
{
    public static WeChatHandshakeResult Echo(string reply) => new(true, reply, 200, null);

    public static WeChatHandshakeResult Reject(int statusCode, string reason) => new(false, "", statusCode, reason);
}

/// <summary>
/// URL verification (GET with <c>signature, timestamp, nonce, echostr</c>). The Channels page documents
/// <c>signature = SHA1(sort(Token, timestamp, nonce))</c> and echoing <c>echostr</c> verbatim. Some WeChat products send
/// an encrypted <c>echostr</c> signed by <c>msg_signature</c> instead; that form is answered with the decrypted text.
/// Freshness is not checked: a replayed verification only echoes what the platform itself signed.
/// </summary>
public static class WeChatHandshake
{
    public static WeChatHandshakeResult Answer(
        string token, WeChatMessageCrypto? crypto, WeChatShopDirectory? shops,
        string? signature, string? msgSignature, string? timestamp, string? nonce, string? echoStr)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(nonce) || string.IsNullOrEmpty(echoStr))
        {
            return WeChatHandshakeResult.Reject(400, "timestamp, nonce and echostr are required");
        }

        if (!string.IsNullOrEmpty(signature))
        {
            return WeChatSignature.Verify(signature, token, timestamp, nonce)
                ? WeChatHandshakeResult.Echo(echoStr)
                : WeChatHandshakeResult.Reject(401, "signature does not match SHA1(sort(Token, timestamp, nonce))");
        }

        if (string.IsNullOrEmpty(msgSignature))
        {
            return WeChatHandshakeResult.Reject(401, "signature is required");
        }

        if (!WeChatSignature.Verify(msgSignature, token, timestamp, nonce, echoStr))
        {
            return WeChatHandshakeResult.Reject(401, "msg_signature does not match SHA1(sort(Token, timestamp, nonce, echostr))");
        }

        if (crypto is null)
        {
            return WeChatHandshakeResult.Reject(401, "encrypted echostr but no EncodingAESKey is configured");
        }

        if (crypto.TryDecrypt(echoStr, out var error) is not { } decrypted)
        {
            return WeChatHandshakeResult.Reject(401, $"echostr does not decrypt: {error}");
        }

        return shops is not null && !shops.IsKnownApp(decrypted.AppId)
            ? WeChatHandshakeResult.Reject(401, "echostr was encrypted for another appid")
            : WeChatHandshakeResult.Echo(decrypted.Message);
    }
}
