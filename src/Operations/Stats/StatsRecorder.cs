using System.Text.Json.Serialization;
using Azure;
using Microsoft.Extensions.Logging;
using ServerlessSync.Pipeline.OpsConsole;
using ServerlessSync.Pipeline.Sync;

namespace ServerlessSync.Pipeline.Stats;

/// <summary>
/// Keeps the dashboard's pre-aggregated counters in step with the ledger, exactly once per order state change.
/// Each order has a marker row ("counted as") in the same partition as the counter rows it feeds; one Tables
/// transaction moves the counters by the difference between the marker and the new contribution and replaces the
/// marker, every row guarded by its ETag. Either all of it lands or none of it, so a re-run, a duplicate event or a
/// second worker racing on the same rows can neither lose nor double a count: the loser re-reads and re-applies.
/// </summary>
public sealed class StatsRecorder(StorageClients storage, IOptions<StatsOptions> options, OrdersByDayIndex byDay, TimeProvider clock, ILogger<StatsRecorder> logger) : IOrderCounts
{
    public const string TableName = "Stats";
    private const int MaxAttempts = 60;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string MarkerRowKey(OrderKey key) => "m|" + TableKeys.Sanitize(key.InstanceId);

    /// <summary>
    /// Records the order's state as the ledger now has it. Never throws for storage trouble: a dashboard counter must not
    /// fail an order's sync; the miss is logged and the next change of the order corrects its contribution.
    /// </summary>
    public async Task RecordAsync(LedgerEntry entry, OrderSalesFacts? facts, CancellationToken cancellationToken)
    {
        try
        {
            await CountAsync(entry, facts, cancellationToken);
        }
        catch (Exception ex) when (ex is RequestFailedException or InvalidOperationException)
        {
            logger.LogWarning(ex, "Stats for {InstanceId} not recorded ({Status})", entry.Key.InstanceId, entry.Status);
        }
    }

    /// <summary>
    /// Records the order's state as the ledger now has it, and throws when storage fails: for a caller that retries on its
    /// own (the shipment write-back keeps a shipment queued until its state is counted).
    /// </summary>
    public async Task CountAsync(LedgerEntry entry, OrderSalesFacts? facts, CancellationToken cancellationToken)
    {
        var contribution = await ApplyAsync(entry, facts, cancellationToken);
        if (contribution.LedgerUpdatedAt <= entry.UpdatedAt)
        {
            await byDay.PutAsync(contribution, entry, facts?.CreatedAt, cancellationToken);
        }
    }

    Task IOrderCounts.RecordAsync(LedgerEntry entry, CancellationToken cancellationToken) => RecordAsync(entry, null, cancellationToken);

    Task IOrderCounts.CountAsync(LedgerEntry entry, CancellationToken cancellationToken) => CountAsync(entry, null, cancellationToken);

    /// <returns>The contribution the order is counted as afterwards.</returns>
    public async Task<OrderContribution> ApplyAsync(LedgerEntry entry, OrderSalesFacts? facts, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName);
        var partition = StatsShards.PartitionOf(entry.Key.InstanceId, options.Value.Shards);
        var markerKey = MarkerRowKey(entry.Key);
        for (var attempt = 1; ; attempt++)
        {
            var marker = await GetAsync(table, partition, markerKey, cancellationToken);
            var previous = marker?.GetString("Contribution") is { } json ? JsonSerializer.Deserialize<OrderContribution>(json, Json) : null;
            if (previous is not null && previous.LedgerUpdatedAt > entry.UpdatedAt)
            {
                return previous; // a newer ledger state was already counted
            }

            var next = ContributionBuilder.Next(previous, entry, facts, clock.GetUtcNow());
            var delta = CounterRows.Delta(CounterRows.Of(previous), CounterRows.Of(next));
            if (previous is not null && delta.Count == 0)
            {
                return previous;
            }

            var actions = new List<TableTransactionAction>();
            var rows = await Task.WhenAll(delta.Keys.Select(k => GetAsync(table, partition, k, cancellationToken)));
            foreach (var (change, current) in delta.Zip(rows))
            {
                actions.Add(Counter(partition, change.Key, change.Value, current));
            }

            actions.Add(Marker(partition, markerKey, marker, next));
            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                return next;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another writer changed one of the rows (or created it) first: read again and re-apply.
                await Task.Delay(Random.Shared.Next(0, Math.Min(100, 5 * attempt) + 1), cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                throw new InvalidOperationException($"stats for {entry.Key.InstanceId} lost {MaxAttempts} compare-and-set races in a row", ex);
            }
        }
    }

    /// <summary>The order's "counted as" row, replacing <paramref name="current"/> only if nobody changed it since it was read.</summary>
    internal static TableTransactionAction Marker(string partition, string markerKey, TableEntity? current, OrderContribution next)
    {
        var entity = new TableEntity(partition, markerKey)
        {
            ["Contribution"] = JsonSerializer.Serialize(next, Json),
            ["Status"] = next.Status.ToString(),
            ["Day"] = next.Day,
        };
        return current is null
            ? new TableTransactionAction(TableTransactionActionType.Add, entity)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, current.ETag);
    }

    internal static TableTransactionAction Counter(string partition, string rowKey, CounterRow change, TableEntity? current)
    {
        var entity = new TableEntity(partition, rowKey);
        if (current is not null)
        {
            foreach (var (name, value) in current.Where(p => p.Key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")))
            {
                entity[name] = value;
            }
        }

        foreach (var (name, value) in change.Values)
        {
            var was = current?.GetInt64(name) ?? 0;
            entity[name] = name.StartsWith(CounterRows.MaxPrefix, StringComparison.Ordinal) ? Math.Max(was, value) : was + value;
        }

        foreach (var (name, value) in change.Labels)
        {
            entity["L_" + name] = value;
        }

        return current is null
            ? new TableTransactionAction(TableTransactionActionType.Add, entity)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, current.ETag);
    }

    internal static async Task<TableEntity?> GetAsync(TableClient table, string partition, string rowKey, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }
}
