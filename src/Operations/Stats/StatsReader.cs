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
        var prefix = CounterRows.DayPrefix(day);
        var shards = await EachShardAsync(
            async (table, partition) =>
            {
                var rows = await QueryAsync(table, partition, prefix, After(prefix), null, cancellationToken);
                var status = await table.GetEntityIfExistsAsync<TableEntity>(partition, CounterRows.StatusRowKey, cancellationToken: cancellationToken);
                if (status.HasValue && status.Value is { } s)
                {
                    rows.Add(s);
                }

                return rows;
            });

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

    /// <summary>
    /// The days from <paramref name="firstDay"/> to <paramref name="lastDay"/> with orders awaiting shipment, and how many: one
    /// query per shard over those days' counter rows, of which the service returns only day totals with a count above zero.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, long>> AwaitingShipmentByDayAsync(string firstDay, string lastDay, CancellationToken cancellationToken)
    {
        var awaiting = CounterRows.AwaitingShipment;
        var shards = await EachShardAsync((table, partition) =>
            QueryAsync(table, partition, CounterRows.DayPrefix(firstDay), After(CounterRows.DayPrefix(lastDay)), $"{awaiting} gt 0L", cancellationToken));
        var byDay = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in shards.SelectMany(r => r))
        {
            var day = row.RowKey.Split('|')[1];
            byDay[day] = byDay.GetValueOrDefault(day) + (row.GetInt64(awaiting) ?? 0);
        }

        return byDay;
    }

    /// <summary>The keys of one dimension of a day (for example the shops that sold): one query per shard over its rows.</summary>
    public async Task<IReadOnlySet<string>> KeysAsync(string day, string dimension, CancellationToken cancellationToken)
    {
        var prefix = CounterRows.Row(day, dimension) + "|";
        var shards = await EachShardAsync((table, partition) => QueryAsync(table, partition, prefix, After(prefix), null, cancellationToken));
        return shards.SelectMany(r => r).Select(r => r.RowKey[prefix.Length..]).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The first key after every key that starts with <paramref name="prefix"/>.</summary>
    private static string After(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    private async Task<List<TableEntity>[]> EachShardAsync(Func<TableClient, string, Task<List<TableEntity>>> read)
    {
        var table = await storage.TableAsync(StatsRecorder.TableName);
        return await Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Value.Shards)).Select(shard => read(table, StatsShards.Partition(shard))));
    }

    private static async Task<List<TableEntity>> QueryAsync(TableClient table, string partition, string lower, string upper, string? and, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {lower} and RowKey lt {upper}");
        var rows = new List<TableEntity>();
        await foreach (var e in table.QueryAsync<TableEntity>(and is null ? filter : $"{filter} and {and}", cancellationToken: cancellationToken))
        {
            rows.Add(e);
        }

        return rows;
    }
}
