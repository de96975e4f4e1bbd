using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using ServerlessSync.Pipeline.Storage;

namespace ServerlessSync.Pipeline.Stats;

/// <summary>A counter row summed over every shard: its values and labels.</summary>
public sealed record CounterTotals(IReadOnlyDictionary<string, long> Values, IReadOnlyDictionary<string, string> Labels)
{
    public long this[string name] => Values.GetValueOrDefault(name);

    public string? Label(string name) => Labels.GetValueOrDefault(name);
}

/// <summary>A day's counters: the day totals, one entry per key of each dimension, and the current status counts.</summary>
public sealed record DayCounters(CounterTotals Total, IReadOnlyDictionary<string, IReadOnlyDictionary<string, CounterTotals>> Dimensions, CounterTotals Statuses)
{
    public IReadOnlyDictionary<string, CounterTotals> Dimension(string name) =>
        Dimensions.TryGetValue(name, out var d) ? d : new Dictionary<string, CounterTotals>();
}

/// <summary>
/// Reads a day's counters: one range query per shard over that day's counter rows (never the order markers) plus
/// the status row, summed. The cost grows with shards × (anchors + rooms + channels + products), not with orders.
/// </summary>
public sealed class StatsReader(StorageClients storage, IOptions<StatsOptions> options)
{
    public async Task<DayCounters> ReadDayAsync(string day, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StatsRecorder.TableName);
        var prefix = CounterRows.DayPrefix(day);
        var upper = prefix[..^1] + (char)(prefix[^1] + 1);
        var shards = await Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Value.Shards)).Select(async shard =>
        {
            var partition = StatsShards.Partition(shard);
            var rows = new List<TableEntity>();
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {prefix} and RowKey lt {upper}");
            await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                rows.Add(e);
            }

            var status = await table.GetEntityIfExistsAsync<TableEntity>(partition, CounterRows.StatusRowKey, cancellationToken: cancellationToken);
            if (status.HasValue && status.Value is { } s)
            {
                rows.Add(s);
            }

            return rows;
        }));

        var summed = new Dictionary<string, (Dictionary<string, long> Values, Dictionary<string, string> Labels)>(StringComparer.Ordinal);
        foreach (var row in shards.SelectMany(r => r))
        {
            if (!summed.TryGetValue(row.RowKey, out var acc))
            {
                acc = (new Dictionary<string, long>(), new Dictionary<string, string>());
                summed[row.RowKey] = acc;
            }

            foreach (var (name, value) in row)
            {
                if (name.StartsWith("L_", StringComparison.Ordinal) && value is string label)
                {
                    acc.Labels[name[2..]] = label;
                }
                else if (value is long or int && name is not ("PartitionKey" or "RowKey"))
                {
                    var number = Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
                    acc.Values[name] = name.StartsWith(CounterRows.MaxPrefix, StringComparison.Ordinal)
                        ? Math.Max(acc.Values.GetValueOrDefault(name), number)
                        : acc.Values.GetValueOrDefault(name) + number;
                }
            }
        }

        CounterTotals Totals(string key) => summed.TryGetValue(key, out var v) ? new CounterTotals(v.Values, v.Labels) : new CounterTotals(new Dictionary<string, long>(), new Dictionary<string, string>());

        var dimensions = new Dictionary<string, IReadOnlyDictionary<string, CounterTotals>>();
        foreach (var (rowKey, value) in summed.Where(r => r.Key.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var rest = rowKey[prefix.Length..];
            var bar = rest.IndexOf('|', StringComparison.Ordinal);
            if (bar < 0)
            {
                continue;
            }

            var dimension = rest[..bar];
            if (!dimensions.TryGetValue(dimension, out var entries))
            {
                entries = new Dictionary<string, CounterTotals>(StringComparer.Ordinal);
                dimensions[dimension] = entries;
            }

            ((Dictionary<string, CounterTotals>)entries)[rest[(bar + 1)..]] = new CounterTotals(value.Values, value.Labels);
        }

        return new DayCounters(Totals(CounterRows.Row(day, "total")), dimensions, Totals(CounterRows.StatusRowKey));
    }
}
