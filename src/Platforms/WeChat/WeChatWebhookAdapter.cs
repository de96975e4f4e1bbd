using ServerlessSync.Domain.Platforms;
using ServerlessSync.Domain.Platforms.WeChat;
using ServerlessSync.Pipeline.Api;
using ServerlessSync.Pipeline.Http;
using ServerlessSync.Pipeline.Intake;

namespace ServerlessSync.Pipeline.Platforms.WeChat;

/// <summary>
/// <c>GET|POST /api/webhooks/wechat</c>: the echostr URL verification, then encrypted pushes (<c>msg_signature</c> over
/// Encrypt, AES-256-CBC, appid check), ack <c>success</c> as text/plain.
/// </summary>
public sealed class WeChatWebhookAdapter(IOptions<WeChatOptions> options) : IWebhookAdapter
{
    private readonly Lazy<(WeChatMessageCrypto? Crypto, WeChatShopDirectory Shops)> settings = new(() =>
    {
        var o = options.Value;
        WeChatMessageCrypto? crypto = null;
        try
        {
            crypto = new WeChatMessageCrypto(o.EncodingAesKey);
        }
        catch (ArgumentException)
        {
            // Reported per request below: a bad key must not take the other platforms' webhooks down.
        }

        return (crypto, o.ShopDirectory());
    });

    public string Platform => Domain.Orders.PlatformNames.WeChat;

    public HttpReply? Handshake(WebhookRequest request)
    {
        if (string.IsNullOrEmpty(options.Value.Token))
        {
            return HttpReply.Error(500, $"{WeChatOptions.SectionName}:Token is not configured");
        }

        var (crypto, shops) = settings.Value;
        var result = WeChatHandshake.Answer(
            options.Value.Token,
            crypto,
            shops,
            request.QueryValue(WeChatPushAck.SignatureParam),
            request.QueryValue(WeChatPushAck.MsgSignatureParam),
            request.QueryValue(WeChatPushAck.TimestampParam),
            request.QueryValue(WeChatPushAck.NonceParam),
            request.QueryValue(WeChatPushAck.EchoStrParam));
        return result.Accepted ? HttpReply.Text(200, result.Reply) : HttpReply.Error(result.StatusCode, result.Reason ?? "rejected");
    }

    public PushOutcome Interpret(WebhookRequest request, DateTimeOffset receivedAt)
    {
        var o = options.Value;
        var (crypto, shops) = settings.Value;
        if (crypto is null || string.IsNullOrEmpty(o.Token))
        {
            // Not the sender's fault: a 5xx makes WeChat retry (up to ~3.6 h) while the settings are fixed.
            return PushOutcome.Reject(500, $"{WeChatOptions.SectionName} needs Token and a 43-character EncodingAesKey");
        }

        var query = new WeChatPushQuery(
            request.QueryValue(WeChatPushAck.MsgSignatureParam),
            request.QueryValue(WeChatPushAck.TimestampParam),
            request.QueryValue(WeChatPushAck.NonceParam),
            request.QueryValue(WeChatPushAck.EncryptTypeParam));
        return new WeChatPushAdapter(o.Token, crypto, shops, TimeSpan.FromSeconds(o.MaxTimestampSkewSeconds)).Process(query, request.Body, receivedAt);
    }

    public HttpReply Ack() => HttpReply.Text(200, WeChatPushAck.Success);

    public string? ShopFor(HeldPush push) => settings.Value.Shops.Resolve(push.ShopKey, push.AppId).ShopId;
}
