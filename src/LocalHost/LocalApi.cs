using ServerlessSync.Pipeline.Api;
using ServerlessSync.Pipeline.Audit;
using ServerlessSync.Pipeline.Http.Access;
using ServerlessSync.Pipeline.Http;
using ServerlessSync.Pipeline.Intake;
using ServerlessSync.Pipeline.Mapping;
using ServerlessSync.Pipeline.Profiles;
using ServerlessSync.Pipeline.Pull;
using ServerlessSync.Pipeline.OpsConsole;
using ServerlessSync.Pipeline.Quarantine;
using ServerlessSync.Pipeline.Stats;
using ServerlessSync.Pipeline.StockPush;
using ServerlessSync.Pipeline.Web;

namespace ServerlessSync.LocalHost;

/// <summary>
/// The same routes as the Functions app (DESIGN §5), mapped onto the shared handlers. Mutating routes pass
/// <see cref="Security.LocalRequestGuard"/> (the admin token) first; their caller is the token's owner, and each is audited.
/// </summary>
public static class LocalApi
{
    /// <summary>Whoever holds the admin token: the account running this host (the token file is readable by it only).</summary>
    private static readonly AdminCaller TokenHolder = new($"local:{Environment.UserName}", AdminRole.Admin);

    public static WebApplication MapServerlessSyncApi(this WebApplication app)
    {
        var api = app.MapGroup("/api");
        api.MapMethods("/webhooks/{platform}", ["GET", "POST"], async (string platform, HttpRequest request, WebhookHandler handler, CancellationToken ct) =>
            ToResult(await handler.HandleAsync(platform, await WebhookRequest.ReadAsync(request, ct), ct)));
        api.MapGet("/orders/{platform}/{shopId}/{orderId}", async (string platform, string shopId, string orderId, OrderStatusApi orders, CancellationToken ct) =>
            ToResult(await orders.GetAsync(platform, shopId, orderId, ct)));
        api.MapPost("/orders/{platform}/{shopId}/{orderId}/resync", async (string platform, string shopId, string orderId, HttpRequest request, ResyncApi resync, AdminAuditLog audit, CancellationToken ct) =>
            ToResult(await audit.RunAsync(TokenHolder, request, "order.resync", () => resync.ResyncAsync(platform, shopId, orderId, ct), ct)));
        api.MapGet("/health", async (HealthApi health, CancellationToken ct) => ToResult(await health.GetAsync(ct)));

        api.MapGet("/profiles/{platform}/{shopId}", async (string platform, string shopId, ProfileApi profiles, CancellationToken ct) =>
            ToResult(await profiles.GetAsync(platform, shopId, ct)));
        api.MapPut("/profiles/{platform}/{shopId}", async (string platform, string shopId, HttpRequest request, ProfileApi profiles, AdminAuditLog audit, CancellationToken ct) =>
            await AuditedAsync(audit, request, "profile.put", body => profiles.PutAsync(platform, shopId, body, TokenHolder.Actor, ct), ct));
        api.MapGet("/profiles/{platform}/{shopId}/history", async (string platform, string shopId, ProfileApi profiles, CancellationToken ct) =>
            ToResult(await profiles.HistoryAsync(platform, shopId, ct)));
        api.MapPost("/profiles/{platform}/{shopId}/dry-run", async (string platform, string shopId, HttpRequest request, ProfileApi profiles, AdminAuditLog audit, CancellationToken ct) =>
            await AuditedAsync(audit, request, "profile.dry-run", body => profiles.DryRunAsync(platform, shopId, body, ct), ct));

        api.MapGet("/mapping/combo-split", (string? amountFen, string? basis, string? components) => ToResult(ComboSplitApi.Split(amountFen, basis, components)));
        api.MapGet("/mapping/materials", async (string? q, string? top, MaterialSearchApi materials, CancellationToken ct) => ToResult(await materials.SearchAsync(q, top, ct)));
        api.MapGet("/mapping/{platform}/{shopId}/skus", async (string platform, string shopId, SkusSeenApi skus, CancellationToken ct) => ToResult(await skus.ListAsync(platform, shopId, ct)));
        api.MapPost("/mapping/{platform}/{shopId}/preview", async (string platform, string shopId, HttpRequest request, MappingPreviewApi preview, AdminAuditLog audit, CancellationToken ct) =>
            await AuditedAsync(audit, request, "mapping.preview", body => preview.PreviewAsync(platform, shopId, body, ct), ct));
        api.MapGet("/mapping/{platform}/{shopId}/versions", async (string platform, string shopId, MappingVersionsApi versions, CancellationToken ct) => ToResult(await versions.HistoryAsync(platform, shopId, ct)));
        api.MapPost("/mapping/{platform}/{shopId}/versions", async (string platform, string shopId, HttpRequest request, MappingVersionsApi versions, AdminAuditLog audit, CancellationToken ct) =>
            await AuditedAsync(audit, request, "profile.save", body => versions.SaveAsync(platform, shopId, body, TokenHolder.Actor, ct), ct));
        api.MapGet("/mapping/{platform}/{shopId}/versions/{version}", async (string platform, string shopId, string version, MappingVersionsApi versions, CancellationToken ct) =>
            ToResult(await versions.GetAsync(platform, shopId, version, ct)));
        api.MapPost("/mapping/{platform}/{shopId}/versions/{version}/restore", async (string platform, string shopId, string version, HttpRequest request, MappingVersionsApi versions, AdminAuditLog audit, CancellationToken ct) =>
            await AuditedAsync(audit, request, "profile.restore", body => versions.RestoreAsync(platform, shopId, version, body, TokenHolder.Actor, ct), ct));

        api.MapGet("/quarantine", async (QuarantineApi quarantine, CancellationToken ct) => ToResult(await quarantine.ListAsync(ct)));
        api.MapPost("/quarantine/release", async (HttpRequest request, QuarantineApi quarantine, AdminAuditLog audit, CancellationToken ct) =>
            await AuditedAsync(audit, request, "quarantine.release", body => quarantine.ReleaseAsync(body, ct), ct));
        api.MapGet("/audit", async (string? limit, AdminAuditLog audit, CancellationToken ct) => ToResult(await audit.ListAsync(limit, ct)));
        api.MapGet("/" + IntakePoisonRedrive.CountRoute, async (IntakePoisonRedrive poison, CancellationToken ct) => ToResult(await poison.CountAsync(ct)));
        api.MapPost("/" + IntakePoisonRedrive.Route, async (HttpRequest request, IntakePoisonRedrive poison, AdminAuditLog audit, CancellationToken ct) =>
            ToResult(await audit.RunAsync(TokenHolder, request, "intake.poison.redrive", () => poison.RedriveAsync(ct), ct)));
        api.MapGet("/" + HeldPushes.Route, async (HeldPushes held, CancellationToken ct) => ToResult(await held.ListAsync(ct)));
        api.MapPost("/" + HeldPushes.ReplayRoute, async (HttpRequest request, HeldPushes held, AdminAuditLog audit, CancellationToken ct) =>
            ToResult(await audit.RunAsync(TokenHolder, request, "intake.held.replay", () => held.ReplayReplyAsync(ct), ct)));
        api.MapGet("/" + SkippedListEntries.Route, async (SkippedListEntries skipped, CancellationToken ct) => ToResult(await skipped.ListAsync(ct)));

        api.MapGet("/dashboard", (WebPagesApi pages) => ToResult(pages.Dashboard()));
        api.MapGet("/console", (WebPagesApi pages) => ToResult(pages.Console()));
        api.MapGet("/web/{name}", (string name, WebPagesApi pages) => ToResult(pages.Asset(name)));
        api.MapGet("/stats/summary", async (string? day, StatsSummaryApi stats, CancellationToken ct) => ToResult(await stats.GetAsync(day, ct)));
        api.MapGet("/alerts/recent", async (string? limit, RecentAlertsApi alerts, CancellationToken ct) => ToResult(await alerts.GetAsync(limit, ct)));
        api.MapGet("/stock-push", async (string? platform, string? shopId, StockPushApi stockPush, CancellationToken ct) => ToResult(await stockPush.GetAsync(platform, shopId, ct)));
        api.MapGet("/reconciliation/{platform}/{shopId}/{day}", async (string platform, string shopId, string day, ReconciliationApi reconciliation, CancellationToken ct) =>
            ToResult(await reconciliation.GetAsync(platform, shopId, day, ct)));
        return app;
    }

    private static async Task<IResult> AuditedAsync(AdminAuditLog audit, HttpRequest request, string action, Func<string, Task<AdminOutcome>> handle, CancellationToken ct) =>
        ToResult(await audit.RunAsync(TokenHolder, request, action, () => AdminRequestBody.HandleAsync(request, handle, ct), ct));

    private static IResult ToResult(HttpReply reply) => Results.Content(reply.Body, reply.ContentType, statusCode: reply.StatusCode);
}
