using ServerlessSync.Domain.Platforms;
using ServerlessSync.Domain.Platforms.Kuaishou;
using ServerlessSync.Pipeline.Api;
using ServerlessSync.Pipeline.Http;
using ServerlessSync.Pipeline.Intake;

namespace ServerlessSync.Pipeline.Platforms.Kuaishou;

/// <summary>
/// POST /api/webhooks/kuaishou: the whole body is Base64 AES-CBC cipher text decrypted with <c>MessageKey</c>; no
/// handshake; ack <c>{"result":1}</c>.
/// </summary>
public sealed class KuaishouWebhookAdapter(IOptions<KuaishouOptions> options) : IWebhookAdapter
{
    public string Platform => Domain.Orders.PlatformNames.Kuaishou;

    public HttpReply? Handshake(WebhookRequest request) => null;

    /// <exception cref="InvalidOperationException">MessageKey is not configured as Base64 of an AES key.</exception>
    public PushOutcome Interpret(WebhookRequest request, DateTimeOffset receivedAt)
    {
        KuaishouPushAdapter adapter;
        try
        {
            adapter = new KuaishouPushAdapter(options.Value.AppKey, options.Value.MessageKey);
        }
        catch (ArgumentException ex)
        {
            // A configuration fault, not the sender's: fail loudly (5xx) so the platform retries once it is fixed.
            throw new InvalidOperationException($"{KuaishouOptions.SectionName}:MessageKey is not usable: {ex.Message}", ex);
        }

        return adapter.Process(request.Body, receivedAt);
    }

    public HttpReply Ack() => new(200, KuaishouPushAck.Success, KuaishouPushAck.ContentType);
}
