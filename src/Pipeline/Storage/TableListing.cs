namespace ServerlessSync.Pipeline.Storage;

/// <summary>What list routes share: a bounded <c>?limit=</c> and the first rows of a query, mapped as the route shows them.</summary>
public static class TableListing
{
    /// <summary><paramref name="fallback"/> when <paramref name="text"/> is empty; false when it is not a number from 1 to <paramref name="max"/>.</summary>
    public static bool TryParseLimit(string? text, int fallback, int max, out int take)
    {
        take = fallback;
        return string.IsNullOrEmpty(text) || (int.TryParse(text, out take) && take >= 1 && take <= max);
    }

    public static string LimitError(int max) => $"limit must be between 1 and {max}";

    /// <summary>The first <paramref name="take"/> rows matching <paramref name="filter"/> (all rows when null), in key order.</summary>
    public static async Task<List<T>> FirstAsync<T>(this TableClient table, string? filter, int take, Func<TableEntity, T> map, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(take, 1000), cancellationToken: cancellationToken))
        {
            rows.Add(map(row));
            if (rows.Count >= take)
            {
                break;
            }
        }

        return rows;
    }
}
