namespace ServerlessSync.Pipeline.Storage;

/// <summary>Reading many rows of one partition by key with few requests, within what the Table service accepts.</summary>
public static class TableRows
{
    /// <summary>
    /// A <c>$filter</c> may hold at most 15 discrete comparisons (Azure Storage REST reference, "Querying tables and
    /// entities"; Azurite does not enforce it): one names the partition, the others the rows.
    /// </summary>
    public const int MaxRowKeysPerFilter = 14;

    /// <summary>Queries at once for one read.</summary>
    private const int MaxConcurrentQueries = 4;

    /// <summary>The filters that together name <paramref name="rowKeys"/> of <paramref name="partition"/>, each within the limit.</summary>
    public static IReadOnlyList<string> Filters(string partition, IEnumerable<string> rowKeys) =>
        rowKeys.Distinct(StringComparer.Ordinal)
            .Chunk(MaxRowKeysPerFilter)
            .Select(chunk => $"PartitionKey eq {Quote(partition)} and ({string.Join(" or ", chunk.Select(k => "RowKey eq " + Quote(k)))})")
            .ToList();

    /// <summary>The rows that exist among <paramref name="rowKeys"/>, by row key.</summary>
    public static async Task<Dictionary<string, TableEntity>> ReadAsync(TableClient table, string partition, IEnumerable<string> rowKeys, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            Filters(partition, rowKeys),
            new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentQueries, CancellationToken = cancellationToken },
            async (filter, token) =>
            {
                await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: token))
                {
                    lock (found)
                    {
                        found[row.RowKey] = row;
                    }
                }
            });
        return found;
    }

    private static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
