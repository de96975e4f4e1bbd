using ServerlessSync.Pipeline.Audit;
using ServerlessSync.Domain.Alerts;
using ServerlessSync.Domain.Platforms;
using ServerlessSync.Pipeline.Alerts;
using ServerlessSync.Pipeline.Api;
using ServerlessSync.Pipeline.Http;

namespace ServerlessSync.Pipeline.Intake;

/// <summary>
/// Verified pushes for a shop that is not configured yet (table <c>HeldPushes</c>, one row per platform and message id, so
/// a platform's retries keep one copy). The webhook keeps them, alerts and acknowledges, so the platform stops retrying
/// and nothing is dropped. <see cref="ReplayAsync"/> hands every push whose shop configuration now resolves to the group
/// committer, like a fresh push, and removes it: on every pull tick (both hosts), and at once through
/// <c>POST /api/intake/held/replay</c> after the shop was added. <c>GET /api/intake/held</c> lists what waits.
/// </summary>
public sealed class HeldPushes(StorageClients storage, IEnumerable<IWebhookAdapter> adapters, IntakeCommitter intake, AlertService alerts, TimeProvider clock, ILogger<HeldPushes> logger)
{
    public const string TableName = "HeldPushes";

    public const string Route = "intake/held";

    public const string ReplayRoute = "intake/held/replay";

    /// <summary>Rows one replay or listing reads at most; a replay leaves the rest for the next one.</summary>
    public const int MaxPerCall = 1000;

    public async Task KeepAsync(HeldPush push, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName);
        await table.UpsertEntityAsync(
            new TableEntity(push.Platform, TableKeys.Sanitize(push.MsgId))
            {
                ["ShopKey"] = push.ShopKey, ["AppId"] = push.AppId, ["Event"] = push.EventName, ["OrderId"] = push.OrderId,
                ["EventTime"] = push.EventTime, ["MsgId"] = push.MsgId, ["RawMessage"] = push.RawMessage, ["ReceivedAt"] = clock.GetUtcNow(),
            },
            TableUpdateMode.Replace,
            cancellationToken);
        var reason = $"A verified {push.Platform} push for order {push.OrderId} names shop '{push.ShopKey}' (app {push.AppId}), which is not configured. " +
                     $"It was acknowledged and kept; add the shop (or map the name under UserNames) and it is processed on the next pull tick or POST /api/{ReplayRoute}.";
        try
        {
            await alerts.RaiseAsync(AlertKind.PushForUnknownShop, $"unknown-shop:{push.Platform}:{push.ShopKey}", push.OrderId, reason, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The push is kept (GET /api/intake/held lists it); failing the ack now would only make the platform push it again.
            logger.LogError(ex, "The alert for a held {Platform} push of shop {ShopKey} could not be raised", push.Platform, push.ShopKey);
        }
    }

    public async Task<(int Replayed, int StillHeld)> ReplayAsync(CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName);
        int replayed = 0, held = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(maxPerPage: MaxPerCall, cancellationToken: cancellationToken))
        {
            if (replayed + held >= MaxPerCall)
            {
                break;
            }

            var push = ToPush(row);
            var adapter = adapters.FirstOrDefault(a => string.Equals(a.Platform, push.Platform, StringComparison.OrdinalIgnoreCase));
            if (adapter?.ShopFor(push) is not { } shopId)
            {
                held++;
                continue;
            }

            await intake.CommitAsync([push.For(shopId)], cancellationToken);
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
            logger.LogInformation("Held {Platform} push {MsgId} replayed for shop {ShopId}", push.Platform, push.MsgId, shopId);
            replayed++;
        }

        return (replayed, held);
    }

    public async Task<AdminOutcome> ReplayReplyAsync(CancellationToken cancellationToken)
    {
        var (replayed, stillHeld) = await ReplayAsync(cancellationToken);
        return new(HttpReply.JsonBody(200, new { replayed, stillHeld }), $"replayed {replayed} held pushes, {stillHeld} still held");
    }

    public async Task<HttpReply> ListAsync(CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName);
        var pushes = new List<object>();
        await foreach (var row in table.QueryAsync<TableEntity>(maxPerPage: MaxPerCall, cancellationToken: cancellationToken))
        {
            var push = ToPush(row);
            pushes.Add(new { platform = push.Platform, shopKey = push.ShopKey, appId = push.AppId, @event = push.EventName, orderId = push.OrderId, msgId = push.MsgId, receivedAt = row.GetDateTimeOffset("ReceivedAt") });
            if (pushes.Count == MaxPerCall)
            {
                break;
            }
        }

        return HttpReply.JsonBody(200, new { count = pushes.Count, pushes });
    }

    private static HeldPush ToPush(TableEntity row) => new(
        row.PartitionKey,
        row.GetString("ShopKey") ?? "",
        row.GetString("AppId") ?? "",
        row.GetString("Event") ?? "",
        row.GetString("OrderId") ?? "",
        row.GetDateTimeOffset("EventTime") ?? default,
        row.GetString("MsgId") ?? row.RowKey,
        row.GetString("RawMessage") ?? "");
}
