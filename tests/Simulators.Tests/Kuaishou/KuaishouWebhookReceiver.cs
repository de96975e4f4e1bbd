namespace ServerlessSync.Simulators.Tests.Kuaishou;

/// <summary>A webhook that decrypts pushes with the real <see cref="KuaishouPushAdapter"/> and answers as Kuaishou expects.</summary>
public static class KuaishouWebhookReceiver
{
    public static Task<WebhookReceiver> StartAsync(string appKey, string messageKey)
    {
        var adapter = new KuaishouPushAdapter(appKey, messageKey);
        return WebhookReceiver.StartAsync(
            (_, body) => adapter.Process(body, DateTimeOffset.UtcNow),
            outcome => outcome.Kind == PushOutcomeKind.Rejected
                ? Results.Text("""{"result":0}""", KuaishouPushAck.ContentType, statusCode: outcome.RejectStatusCode)
                : Results.Text(KuaishouPushAck.Success, KuaishouPushAck.ContentType));
    }
}
