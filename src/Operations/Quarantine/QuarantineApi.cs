using System.Text.Json.Serialization;
using ServerlessSync.Pipeline.Audit;
using ServerlessSync.Pipeline.Intake;
using ServerlessSync.Pipeline.Shipments;
using ServerlessSync.Pipeline.Sync;

namespace ServerlessSync.Pipeline.Quarantine;

/// <summary>
/// What to release: everything (<c>all: true</c>, said explicitly), or the orders matching a reason text, an unmapped
/// SKU, or listed instance ids. Blank values are no filter: a request without a filter releases nothing.
/// </summary>
public sealed record ReleaseRequest(bool All = false, string? Reason = null, string? Sku = null, IReadOnlyList<string>? InstanceIds = null)
{
    public ReleaseRequest Normalized() => new(
        All,
        string.IsNullOrWhiteSpace(Reason) ? null : Reason,
        string.IsNullOrWhiteSpace(Sku) ? null : Sku,
        InstanceIds?.Where(id => !string.IsNullOrWhiteSpace(id)).ToList() is { Count: > 0 } ids ? ids : null);

    [JsonIgnore]
    public bool HasFilter => All || Reason is not null || Sku is not null || InstanceIds is { Count: > 0 };
}

/// <summary>
/// GET /api/quarantine lists waiting orders grouped by reason and by unmapped SKU; POST /api/quarantine/release
/// puts the chosen ones back on the intake queue, so each runs again against the (fixed) current profile; a synced order
/// listed for a shipment whose carrier was unmapped gets that shipment back in the shipment queue instead.
/// </summary>
public sealed class QuarantineApi(QuarantineIndex index, IntakeQueue queue, ShipmentQuarantine shipments, TimeProvider clock)
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

    public async Task<AdminOutcome> ReleaseAsync(string body, CancellationToken cancellationToken)
    {
        ReleaseRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<ReleaseRequest>(body, HttpReply.Json)?.Normalized();
        }
        catch (JsonException ex)
        {
            return new(HttpReply.Error(400, $"body is not valid JSON: {ex.Message}"), "released 0 (body is not JSON)");
        }

        if (request is null || !request.HasFilter)
        {
            return new(
                HttpReply.JsonBody(400, new { error = "an empty filter releases nothing: say what to release: {\"all\":true}, {\"reason\":\"...\"}, {\"sku\":\"...\"} or {\"instanceIds\":[...]}", released = 0 }),
                "released 0 (no filter)");
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
            if (ShipmentQuarantine.IsShipment(order))
            {
                // The order is synced; what waits is a shipment whose carrier the profile did not map.
                await shipments.ReleaseAsync(order.Key, cancellationToken);
                continue;
            }

            await queue.EnqueueAsync(new IntakeMessage(order.Key.Platform, order.Key.ShopId, order.Key.OrderId, SyncEvents.Release, now, $"release-{now.ToUnixTimeMilliseconds()}", now), cancellationToken: cancellationToken);
        }

        return new(
            HttpReply.JsonBody(202, new { released = chosen.Count, instanceIds = chosen.Select(o => o.Key.InstanceId) }),
            $"released {chosen.Count} matching {JsonSerializer.Serialize(request, HttpReply.Json)}");
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
