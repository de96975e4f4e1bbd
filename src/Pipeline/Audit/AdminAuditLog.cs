using Microsoft.AspNetCore.Http;
using ServerlessSync.Pipeline.Api;
using ServerlessSync.Pipeline.Http.Access;
using ServerlessSync.Pipeline.Http;

namespace ServerlessSync.Pipeline.Audit;

/// <summary>What an admin call did: the answer, and in words what changed (versions before/after, filter and count...).</summary>
public sealed record AdminOutcome(HttpReply Reply, string Change);

/// <summary>
/// The audit trail of the admin surface (table <c>AdminAudit</c>, one row per mutating call, both hosts): who (the
/// authenticated actor), when (UTC), which route, what changed, the answer's status and the caller's reason
/// (<c>?reason=</c>; optional, recorded as "(none)" when absent). Row keys are inverted ticks, so the newest come first.
/// </summary>
public sealed class AdminAuditLog(StorageClients storage, TimeProvider clock)
{
    public const string TableName = "AdminAudit";
    public const string Partition = "audit";
    public const string NoReason = "(none)";
    public const int MaxReasonLength = 500;
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    /// <summary>Runs one mutating admin call and records it, whatever its answer (a refused change is recorded as nothing changed).</summary>
    public async Task<HttpReply> RunAsync(AdminCaller caller, HttpRequest request, string action, Func<Task<AdminOutcome>> call, CancellationToken cancellationToken)
    {
        var outcome = await call();
        var at = clock.GetUtcNow();
        var table = await storage.TableAsync(TableName);
        var row = new TableEntity(Partition, $"{DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks:D19}-{Guid.NewGuid():N}")
        {
            ["At"] = at,
            ["Actor"] = caller.Actor,
            ["Role"] = caller.Role.ToString(),
            ["Method"] = request.Method,
            ["Route"] = request.Path.Value,
            ["Action"] = action,
            ["Change"] = outcome.Change,
            ["Status"] = outcome.Reply.StatusCode,
            ["Reason"] = ReasonOf(request),
        };
        await table.AddEntityAsync(row, cancellationToken);
        return outcome.Reply;
    }

    /// <summary><c>GET /api/audit[?limit=100]</c>: the newest rows first.</summary>
    public async Task<HttpReply> ListAsync(string? limit, CancellationToken cancellationToken)
    {
        if (!TableListing.TryParseLimit(limit, DefaultLimit, MaxLimit, out var take))
        {
            return HttpReply.Error(400, TableListing.LimitError(MaxLimit));
        }

        var table = await storage.TableAsync(TableName);
        var entries = await table.FirstAsync(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), take, e => new
        {
            at = e.GetDateTimeOffset("At"),
            actor = e.GetString("Actor"),
            role = e.GetString("Role"),
            method = e.GetString("Method"),
            route = e.GetString("Route"),
            action = e.GetString("Action"),
            change = e.GetString("Change"),
            status = e.GetInt32("Status"),
            reason = e.GetString("Reason"),
        }, cancellationToken);
        return HttpReply.JsonBody(200, new { count = entries.Count, entries });
    }

    public static string ReasonOf(HttpRequest request) =>
        request.Query["reason"].FirstOrDefault()?.Trim() is { Length: > 0 } reason
            ? reason.Length > MaxReasonLength ? reason[..MaxReasonLength] + "…" : reason
            : NoReason;
}
