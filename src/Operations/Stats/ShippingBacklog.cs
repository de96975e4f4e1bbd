using ServerlessSync.Pipeline.OpsConsole;
using ServerlessSync.Pipeline.Shipments;

namespace ServerlessSync.Pipeline.Stats;

/// <summary>The shipping backlog as last worked out: per shop with an order awaiting shipment, its oldest such order.</summary>
public sealed record ShippingBacklogSummary(DateTimeOffset ComputedAt, int LookbackDays, IReadOnlyList<AwaitingShop> Shops);

/// <summary>
/// The oldest order awaiting shipment (in the ERP, paid, not shipped on the platform) per shop, for the dashboard: a
/// minimum, which the additive counters cannot hold, so it is worked out after a shipment run, at most every
/// <see cref="ShipmentOptions.BacklogRefreshSeconds"/>, and stored as one summary row the dashboard reads. Nothing is
/// written on an order's sync path for it. The stats day totals' <see cref="CounterRows.AwaitingShipment"/> name the days
/// that have such orders (one filtered query per shard over the last <see cref="ShipmentOptions.BacklogLookbackDays"/>
/// days); from the oldest of them on, each shop that sold that day has its synced, paid orders of the day read from
/// <see cref="OrdersByDayIndex"/> until its oldest awaiting order is found.
/// </summary>
public sealed class ShippingBacklog(StatsReader stats, OrdersByDayIndex byDay, StorageClients storage, IOptions<ShipmentOptions> options, TimeProvider clock)
{
    public const string TableName = "ShippingBacklog";
    private const string Partition = "summary";
    private const string Row = "latest";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private DateTimeOffset lastRefresh = DateTimeOffset.MinValue;

    /// <summary>Works the backlog out again when the last time this process did is <see cref="ShipmentOptions.BacklogRefreshSeconds"/> ago.</summary>
    /// <returns>The new summary, or null when it was not due.</returns>
    public async Task<ShippingBacklogSummary?> RefreshIfDueAsync(CancellationToken cancellationToken)
    {
        if (clock.GetUtcNow() - lastRefresh < TimeSpan.FromSeconds(options.Value.BacklogRefreshSeconds))
        {
            return null;
        }

        var summary = await RefreshAsync(cancellationToken);
        lastRefresh = summary.ComputedAt;
        return summary;
    }

    public async Task<ShippingBacklogSummary> RefreshAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var lookback = options.Value.BacklogLookbackDays;
        var today = DateOnly.ParseExact(StatsDay.Of(now), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var days = await stats.AwaitingShipmentByDayAsync(StatsDay.Format(today.AddDays(1 - lookback)), StatsDay.Format(today), cancellationToken);
        var found = new SortedDictionary<string, AwaitingShop>(StringComparer.Ordinal);
        foreach (var day in days.Keys.Order(StringComparer.Ordinal))
        {
            foreach (var shop in (await stats.KeysAsync(day, "shop", cancellationToken)).Where(s => !found.ContainsKey(s)).Order(StringComparer.Ordinal))
            {
                var parts = shop.Split(':', 2);
                if (parts.Length == 2
                    && OldestAwaiting.Of(parts[0], parts[1], day, await byDay.ListSyncedPaidAsync(parts[0], parts[1], day, cancellationToken)) is { } oldest)
                {
                    found[shop] = oldest;
                }
            }
        }

        var summary = new ShippingBacklogSummary(now, lookback, [.. found.Values]);
        var table = await storage.TableAsync(TableName);
        await table.UpsertEntityAsync(new TableEntity(Partition, Row) { ["Summary"] = JsonSerializer.Serialize(summary, Json) }, TableUpdateMode.Replace, cancellationToken);
        return summary;
    }

    /// <summary>The summary as last stored (one row); null before the first refresh.</summary>
    public async Task<ShippingBacklogSummary?> ReadAsync(CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: cancellationToken);
        return row.HasValue && row.Value?.GetString("Summary") is { } json ? JsonSerializer.Deserialize<ShippingBacklogSummary>(json, Json) : null;
    }
}
