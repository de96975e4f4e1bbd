using ServerlessSync.Pipeline.Api;
using ServerlessSync.Pipeline.Intake;

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
        api.MapGet("/health", async (HealthApi health, CancellationToken ct) => ToResult(await health.GetAsync(ct)));
        return app;
    }

    private static IResult ToResult(HttpReply reply) => Results.Content(reply.Body, reply.ContentType, statusCode: reply.StatusCode);
}
