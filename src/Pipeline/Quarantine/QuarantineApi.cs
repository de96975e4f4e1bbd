using System.Text.Json;
using ServerlessSync.Pipeline.Api;
using ServerlessSync.Pipeline.Intake;
using ServerlessSync.Pipeline.Sync;

namespace ServerlessSync.Pipeline.Quarantine;

/// <summary>What to release: everything, or the orders matching a reason text, an unmapped SKU, or listed instance ids.</summary>
public sealed record ReleaseRequest(bool All = false, string? Reason = null, string? Sku = null, IReadOnlyList<string>? InstanceIds = null);

/// <summary>
/// GET /api/quarantine lists waiting orders grouped by reason and by unmapped SKU; POST /api/quarantine/release
/// puts the chosen ones back on the intake queue, so each runs again against the (fixed) current profile.
/// </summary>
public sealed class QuarantineApi(QuarantineIndex index, IntakeQueue queue, TimeProvider clock)
{
    public const int MaxListedPerGroup = 100;

    public async Task<HttpReply> ListAsync(CancellationToken cancellationToken)
    {
        var waiting = await index.ListAsync(cancellationToken);
        var byReason = waiting
            .GroupBy(o => o.Reason)
            .OrderByDescending(g => g.Count())
            .Select(g => new { reason = g.Key, count = g.Count(), orders = g.OrderBy(o => o.Since).Take(MaxListedPerGroup).Select(Describe) });
        var bySku = waiting
            .SelectMany(o => o.UnmappedSkus.Distinct().Select(sku => (sku, o)))
            .GroupBy(x => x.sku)
            .OrderByDescending(g => g.Count())
            .Select(g => new { sku = g.Key, count = g.Count(), orders = g.Take(MaxListedPerGroup).Select(x => x.o.Key.InstanceId) });
        return HttpReply.JsonBody(200, new { total = waiting.Count, byReason, bySku });
    }

    public async Task<HttpReply> ReleaseAsync(string body, CancellationToken cancellationToken)
    {
        ReleaseRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<ReleaseRequest>(body, HttpReply.Json);
        }
        catch (JsonException ex)
        {
            return HttpReply.Error(400, $"body is not valid JSON: {ex.Message}");
        }

        if (request is null || !(request.All || request.Reason is not null || request.Sku is not null || request.InstanceIds is { Count: > 0 }))
        {
            return HttpReply.Error(400, "say what to release: {\"all\":true}, {\"reason\":\"...\"}, {\"sku\":\"...\"} or {\"instanceIds\":[...]}");
        }

        var waiting = await index.ListAsync(cancellationToken);
        var chosen = waiting.Where(o =>
            request.All
            || (request.Reason is { } r && o.Reason.Contains(r, StringComparison.OrdinalIgnoreCase))
            || (request.Sku is { } sku && o.UnmappedSkus.Contains(sku))
            || (request.InstanceIds?.Contains(o.Key.InstanceId) ?? false)).ToList();
        var now = clock.GetUtcNow();
        foreach (var order in chosen)
        {
            await queue.EnqueueAsync(new IntakeMessage(order.Key.Platform, order.Key.ShopId, order.Key.OrderId, SyncEvents.Release, now, $"release-{now.ToUnixTimeMilliseconds()}", now), cancellationToken: cancellationToken);
        }

        return HttpReply.JsonBody(202, new { released = chosen.Count, instanceIds = chosen.Select(o => o.Key.InstanceId) });
    }

    private static object Describe(QuarantinedOrder o) => new
    {
        instanceId = o.Key.InstanceId,
        platform = o.Key.Platform,
        shopId = o.Key.ShopId,
        orderId = o.Key.OrderId,
        status = o.Status.ToString(),
        unmappedSkus = o.UnmappedSkus,
        since = o.Since,
    };
}
