using ServerlessSync.Pipeline.Api;
using ServerlessSync.Pipeline.Intake;
using ServerlessSync.Pipeline.Profiles;
using ServerlessSync.Pipeline.Quarantine;

namespace ServerlessSync.LocalHost;

/// <summary>The same routes as the Functions app (DESIGN §5), mapped onto the shared handlers.</summary>
public static class LocalApi
{
    public static WebApplication MapServerlessSyncApi(this WebApplication app)
    {
        var api = app.MapGroup("/api");
        api.MapMethods("/webhooks/{platform}", ["GET", "POST"], async (string platform, HttpRequest request, WebhookHandler handler, CancellationToken ct) =>
            ToResult(await handler.HandleAsync(platform, await WebhookRequest.ReadAsync(request, ct), ct)));
        api.MapGet("/orders/{platform}/{shopId}/{orderId}", async (string platform, string shopId, string orderId, OrderStatusApi orders, CancellationToken ct) =>
            ToResult(await orders.GetAsync(platform, shopId, orderId, ct)));
        api.MapPost("/orders/{platform}/{shopId}/{orderId}/resync", async (string platform, string shopId, string orderId, ResyncApi resync, CancellationToken ct) =>
            ToResult(await resync.ResyncAsync(platform, shopId, orderId, ct)));
        api.MapGet("/health", async (HealthApi health, CancellationToken ct) => ToResult(await health.GetAsync(ct)));

        api.MapGet("/profiles/{platform}/{shopId}", async (string platform, string shopId, ProfileApi profiles, CancellationToken ct) =>
            ToResult(await profiles.GetAsync(platform, shopId, ct)));
        api.MapPut("/profiles/{platform}/{shopId}", async (string platform, string shopId, HttpRequest request, ProfileApi profiles, CancellationToken ct) =>
            ToResult(await profiles.PutAsync(platform, shopId, await ReadBodyAsync(request, ct), ChangedBy(request), ct)));
        api.MapGet("/profiles/{platform}/{shopId}/history", async (string platform, string shopId, ProfileApi profiles, CancellationToken ct) =>
            ToResult(await profiles.HistoryAsync(platform, shopId, ct)));
        api.MapPost("/profiles/{platform}/{shopId}/dry-run", async (string platform, string shopId, HttpRequest request, ProfileApi profiles, CancellationToken ct) =>
            ToResult(await profiles.DryRunAsync(platform, shopId, await ReadBodyAsync(request, ct), ct)));

        api.MapGet("/quarantine", async (QuarantineApi quarantine, CancellationToken ct) => ToResult(await quarantine.ListAsync(ct)));
        api.MapPost("/quarantine/release", async (HttpRequest request, QuarantineApi quarantine, CancellationToken ct) =>
            ToResult(await quarantine.ReleaseAsync(await ReadBodyAsync(request, ct), ct)));
        return app;
    }

    /// <summary>Who made an admin change: the App Service authentication principal in Azure, the local user otherwise.</summary>
    public static string ChangedBy(HttpRequest request) =>
        request.Headers["X-MS-CLIENT-PRINCIPAL-NAME"].FirstOrDefault() is { Length: > 0 } principal ? principal : $"local:{Environment.UserName}";

    private static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        return await reader.ReadToEndAsync(ct);
    }

    private static IResult ToResult(HttpReply reply) => Results.Content(reply.Body, reply.ContentType, statusCode: reply.StatusCode);
}
