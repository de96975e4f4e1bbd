using ServerlessSync.Domain.Platforms;
using ServerlessSync.Domain.Platforms.Douyin;
using ServerlessSync.Pipeline.Api;
using ServerlessSync.Pipeline.Http;
using ServerlessSync.Pipeline.Intake;

namespace ServerlessSync.Pipeline.Platforms.Douyin;

/// <summary>POST /api/webhooks/douyin: <c>event-sign</c> over the raw body, <c>app-id</c>, ack <c>{"code":0,"msg":"success"}</c>.</summary>
public sealed class DouyinWebhookAdapter(IOptions<DouyinApiOptions> options) : IWebhookAdapter
{
    public string Platform => Domain.Orders.PlatformNames.Douyin;

    public HttpReply? Handshake(WebhookRequest request) => null;

    public PushOutcome Interpret(WebhookRequest request, DateTimeOffset receivedAt) =>
        new DouyinPushAdapter(options.Value.AppKey, options.Value.AppSecret)
            .Process(request.Header(DouyinPushAck.AppIdHeader), request.Header(DouyinPushAck.SignHeader), request.Body, receivedAt);

    public HttpReply Ack() => new(200, DouyinPushAck.Success, DouyinPushAck.ContentType);
}
