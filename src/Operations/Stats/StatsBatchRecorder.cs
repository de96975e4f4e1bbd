using System.Collections.Concurrent;
using Azure;
using Microsoft.Extensions.Logging;
using ServerlessSync.Pipeline.OpsConsole;
using ServerlessSync.Pipeline.Sync;

namespace ServerlessSync.Pipeline.Stats;

/// <summary>
/// Records the states of many orders at once (a batch run's write-back) with the guarantees of <see cref="StatsRecorder"/>
/// — each order's marker and the counters it feeds move in one Tables transaction, every row guarded by its ETag, and a
/// lost race re-reads and re-applies — but per stats partition instead of per order: the markers and counter rows are
/// read with a few queries, the orders' changes to the same row are summed, and one transaction applies them.
/// </summary>
public sealed class StatsBatchRecorder(StorageClients storage, IOptions<StatsOptions> options, OrdersByDayIndex byDay, TimeProvider clock, ILogger<StatsBatchRecorder> logger)
{
    private const int MaxAttempts = 60;
    private const int MaxActionsPerTransaction = 100;

    /// <summary>Orders per transaction attempt: one marker each plus the counter rows they move stay within 100 actions.</summary>
    private const int OrdersPerTransaction = 40;

    private const int MaxConcurrentPartitions = 4;

    private static readonly IReadOnlyDictionary<string, OrderContribution> NoneCounted = new Dictionary<string, OrderContribution>();

    /// <summary>
    /// One group commit per stats partition: the write-backs of concurrent batch runs join the partition's next write, so
    /// their orders' changes to the same counter rows are summed across runs, not only within one. A batch of a burst
    /// spreads over all 16 partitions (about one order each), and alone it moved ~5.5 counter rows an order.
    /// </summary>
    private readonly ConcurrentDictionary<string, JoinedWrites<(LedgerEntry Entry, OrderSalesFacts? Facts), IReadOnlyDictionary<string, OrderContribution>>> partitions = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim writers = new(MaxConcurrentPartitions);

    /// <summary>Never throws for storage trouble, as <see cref="StatsRecorder.RecordAsync"/>: the miss is logged per partition.</summary>
    public async Task RecordAsync(IReadOnlyList<(LedgerEntry Entry, OrderSalesFacts? Facts)> orders, CancellationToken cancellationToken)
    {
        var latest = orders.GroupBy(o => o.Entry.Key.InstanceId).Select(g => g.MaxBy(o => o.Entry.UpdatedAt));
        var days = await Task.WhenAll(latest.GroupBy(o => StatsShards.PartitionOf(o.Entry.Key.InstanceId, options.Value.Shards)).Select(async partition =>
        {
            var inPartition = partition.ToList();
            var writes = partitions.GetOrAdd(partition.Key, key => new(joined => WritePartitionAsync(key, joined)));
            var counted = await writes.JoinAsync(inPartition).WaitAsync(cancellationToken);
            return inPartition
                .Where(o => counted.TryGetValue(o.Entry.Key.InstanceId, out var contribution) && contribution.LedgerUpdatedAt <= o.Entry.UpdatedAt)
                .Select(o => (counted[o.Entry.Key.InstanceId], o.Entry, o.Facts?.CreatedAt));
        }));
        try
        {
            await byDay.PutManyAsync(days.SelectMany(d => d).ToList(), cancellationToken);
        }
        catch (RequestFailedException ex)
        {
            logger.LogWarning(ex, "Orders-by-day rows of {Count} orders not recorded", orders.Count);
        }
    }

    /// <summary>Everything that joined one write of a partition, a few dozen orders per transaction.</summary>
    private async Task<IReadOnlyDictionary<string, OrderContribution>> WritePartitionAsync(string partition, IReadOnlyList<(LedgerEntry Entry, OrderSalesFacts? Facts)> joined)
    {
        var latest = joined.GroupBy(o => o.Entry.Key.InstanceId).Select(g => g.MaxBy(o => o.Entry.UpdatedAt)).ToList();
        var counted = new Dictionary<string, OrderContribution>(StringComparer.Ordinal);
        await writers.WaitAsync();
        try
        {
            var table = await storage.TableAsync(StatsRecorder.TableName);
            foreach (var chunk in latest.Chunk(OrdersPerTransaction))
            {
                try
                {
                    foreach (var (instanceId, contribution) in await ApplyAsync(table, partition, chunk, CancellationToken.None))
                    {
                        counted[instanceId] = contribution;
                    }
                }
                catch (Exception ex) when (ex is RequestFailedException or InvalidOperationException)
                {
                    logger.LogWarning(ex, "Stats for {Count} orders of partition {Partition} not recorded", chunk.Length, partition);
                }
            }
        }
        finally
        {
            writers.Release();
        }

        return counted.Count == 0 ? NoneCounted : counted;
    }

    /// <returns>The contribution each order is counted as afterwards, by instance id.</returns>
    private async Task<IReadOnlyDictionary<string, OrderContribution>> ApplyAsync(
        TableClient table, string partition, IReadOnlyList<(LedgerEntry Entry, OrderSalesFacts? Facts)> orders, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var markers = await TableRows.ReadAsync(table, partition, orders.Select(o => StatsRecorder.MarkerRowKey(o.Entry.Key)), cancellationToken);
            var counted = new Dictionary<string, OrderContribution>(StringComparer.Ordinal);
            var changes = new List<(string MarkerKey, TableEntity? Marker, OrderContribution Next, IReadOnlyDictionary<string, CounterRow> Delta)>();
            foreach (var (entry, facts) in orders)
            {
                var markerKey = StatsRecorder.MarkerRowKey(entry.Key);
                var marker = markers.GetValueOrDefault(markerKey);
                var previous = marker?.GetString("Contribution") is { } json ? JsonSerializer.Deserialize<OrderContribution>(json, StatsRecorder.Json) : null;
                if (previous is not null && previous.LedgerUpdatedAt > entry.UpdatedAt)
                {
                    counted[entry.Key.InstanceId] = previous; // a newer ledger state was already counted
                    continue;
                }

                var next = ContributionBuilder.Next(previous, entry, facts, clock.GetUtcNow());
                var delta = CounterRows.Delta(CounterRows.Of(previous), CounterRows.Of(next));
                if (previous is not null && delta.Count == 0)
                {
                    counted[entry.Key.InstanceId] = previous;
                    continue;
                }

                changes.Add((markerKey, marker, next, delta));
                counted[entry.Key.InstanceId] = next;
            }

            if (changes.Count == 0)
            {
                return counted;
            }

            var merged = CounterRows.Merge(changes.Select(c => c.Delta));
            if (merged.Count + changes.Count > MaxActionsPerTransaction && orders.Count > 1)
            {
                var half = orders.Count / 2;
                var first = await ApplyAsync(table, partition, orders.Take(half).ToList(), cancellationToken);
                var second = await ApplyAsync(table, partition, orders.Skip(half).ToList(), cancellationToken);
                return first.Concat(second).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            }

            var rows = await TableRows.ReadAsync(table, partition, merged.Keys, cancellationToken);
            var actions = merged.Select(change => StatsRecorder.Counter(partition, change.Key, change.Value, rows.GetValueOrDefault(change.Key))).ToList();
            actions.AddRange(changes.Select(c => StatsRecorder.Marker(partition, c.MarkerKey, c.Marker, c.Next)));
            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                return counted;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another writer changed one of the rows (or created it) first: read again and re-apply.
                await Task.Delay(Random.Shared.Next(0, Math.Min(100, 5 * attempt) + 1), cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                throw new InvalidOperationException($"stats for {orders.Count} orders of partition {partition} lost {MaxAttempts} compare-and-set races in a row", ex);
            }
        }
    }
}
