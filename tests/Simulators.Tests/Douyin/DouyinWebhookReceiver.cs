namespace ServerlessSync.Simulators.Tests.Douyin;

/// <summary>A webhook that verifies pushes with the real <see cref="DouyinPushAdapter"/> and answers as Douyin expects.</summary>
public static class DouyinWebhookReceiver
{
    public static Task<WebhookReceiver> StartAsync(string appKey, string appSecret)
    {
        var adapter = new DouyinPushAdapter(appKey, appSecret);
        return WebhookReceiver.StartAsync(
            (request, body) => adapter.Process(
                request.Headers[DouyinPushAck.AppIdHeader].ToString(), request.Headers[DouyinPushAck.SignHeader].ToString(), body, DateTimeOffset.UtcNow),
            outcome => outcome.Kind == PushOutcomeKind.Rejected
                ? Results.Text(DouyinPushAck.Fail, DouyinPushAck.ContentType, statusCode: outcome.RejectStatusCode)
                : Results.Text(DouyinPushAck.Success, DouyinPushAck.ContentType));
    }
}
