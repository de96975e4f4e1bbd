namespace ServerlessSync.Functions.Http;

/// <summary>
/// <c>GET|POST /api/webhooks/{platform}</c>. Anonymous: platforms cannot send a function key; each push is
/// authenticated by the platform's own signature, checked over the raw bytes by <see cref="WebhookHandler"/>.
/// </summary>
public sealed class WebhookFunction(WebhookHandler handler)
{
    public const string Name = "Webhook";
    public const string Route = "webhooks/{platform}";

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = Route)] HttpRequest request,
        string platform,
        CancellationToken cancellationToken)
    {
        var webhookRequest = await WebhookRequest.ReadAsync(request, cancellationToken);
        return (await handler.HandleAsync(platform, webhookRequest, cancellationToken)).ToActionResult();
    }
}
