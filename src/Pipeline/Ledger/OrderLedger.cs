using System.Text.Json;
using Azure;

namespace ServerlessSync.Pipeline.Ledger;

/// <summary>
/// The Orders ledger: one row per platform order with its sync status, ERP number and history.
/// Every change is an ETag compare-and-set, so concurrent writers never overwrite each other.
/// </summary>
public sealed class OrderLedger(StorageClients storage)
{
    public const string TableName = "Orders";
    /// <summary>
    /// Enough for every writer of a busy order to get its turn: with N concurrent writers the last one may lose
    /// N-1 compare-and-set races, and a live burst can put several events and activities on one order at once.
    /// </summary>
    private const int MaxAttempts = 100;

    /// <summary>Tables allows 64 KiB per string property, i.e. 32K UTF-16 characters; keep a margin.</summary>
    private const int MaxPropertyChars = 30_000;

    private const int MaxReasonChars = 4_000;

    /// <summary>The Table service's limit of actions in one transaction.</summary>
    private const int MaxActionsPerTransaction = 100;

    /// <summary>Row reads at once for one <see cref="UpdateManyAsync"/> (point reads: the cheapest read the service has).</summary>
    private const int MaxConcurrentReads = 16;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Orders this process last read as having no row. A batch plans its orders (a read) and writes their rows a few
    /// seconds later: for these the write is an insert without a second read, and the insert itself fails if a row
    /// appeared meanwhile, so the hint never costs correctness.
    /// </summary>
    private readonly RecentKeys knownAbsent = new(100_000);

    public async Task<LedgerEntry?> GetAsync(OrderKey key, CancellationToken cancellationToken)
    {
        var (entry, _) = await ReadAsync(await storage.TableAsync(TableName), key, cancellationToken);
        return entry;
    }

    /// <summary>Applies <paramref name="change"/> to the current row (null when there is none) and stores it with ETag compare-and-set.</summary>
    public async Task<LedgerEntry> UpdateAsync(OrderKey key, Func<LedgerEntry?, LedgerEntry> change, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName);
        for (var attempt = 1; ; attempt++)
        {
            var (current, etag) = await ReadAsync(table, key, cancellationToken);
            var next = change(current);
            var entity = ToEntity(next);
            try
            {
                if (current is null)
                {
                    await table.AddEntityAsync(entity, cancellationToken);
                    knownAbsent.Remove(key.InstanceId);
                }
                else
                {
                    await table.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, cancellationToken);
                }

                return next;
            }
            catch (RequestFailedException ex) when ((ex.Status is 409 or 412) && attempt < MaxAttempts)
            {
                // Someone else wrote in between: read again and re-apply the change, after a short random pause
                // so the writers that lost this round do not collide again in lockstep.
                await Task.Delay(Random.Shared.Next(0, Math.Min(50, 5 * attempt) + 1), cancellationToken);
            }
        }
    }

    /// <summary>
    /// <see cref="UpdateAsync"/> for many orders (a batch run's write-back): each shop's rows are read, changed and stored
    /// in transactions of up to 100 rows, each row guarded by its ETag (or added when new). A transaction that loses a race
    /// is redone order by order with <see cref="UpdateAsync"/>, so a change may be applied more than once: it must be pure.
    /// </summary>
    /// <returns>The entries as written, in the order of <paramref name="changes"/>.</returns>
    public async Task<IReadOnlyList<LedgerEntry>> UpdateManyAsync(IReadOnlyList<(OrderKey Key, Func<LedgerEntry?, LedgerEntry> Change)> changes, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName);
        var written = new LedgerEntry[changes.Count];
        var indexed = changes.Select((change, index) => (change.Key, change.Change, Index: index)).ToList();
        var once = indexed.GroupBy(c => c.Key).Where(g => g.Count() == 1).Select(g => g.Single()).ToList();
        var current = new (LedgerEntry? Entry, ETag ETag)[changes.Count];
        await Parallel.ForEachAsync(
            once,
            new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentReads, CancellationToken = cancellationToken },
            async (c, token) => current[c.Index] = knownAbsent.Contains(c.Key.InstanceId) ? (null, default) : await ReadAsync(table, c.Key, token));
        var planned = once.Select(c => (c.Key, c.Change, c.Index, Next: c.Change(current[c.Index].Entry))).Select(p => (p.Key, p.Change, p.Index, p.Next, Entity: ToEntity(p.Next))).ToList();
        foreach (var shop in planned.GroupBy(p => p.Entity.PartitionKey))
        {
            foreach (var chunk in TransactionChunks(shop.ToList(), p => p.Entity))
            {
                var actions = chunk.Select(p => current[p.Index].Entry is null
                    ? new TableTransactionAction(TableTransactionActionType.Add, p.Entity)
                    : new TableTransactionAction(TableTransactionActionType.UpdateReplace, p.Entity, current[p.Index].ETag));
                try
                {
                    await table.SubmitTransactionAsync(actions, cancellationToken);
                    chunk.ForEach(p =>
                    {
                        written[p.Index] = p.Next;
                        knownAbsent.Remove(p.Key.InstanceId);
                    });
                }
                catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
                {
                    // Another writer changed one of the rows first: these orders go one at a time, each re-read.
                    foreach (var p in chunk)
                    {
                        written[p.Index] = await UpdateAsync(p.Key, p.Change, cancellationToken);
                    }
                }
            }
        }

        // The same order twice in one call: its changes apply one after the other.
        foreach (var c in indexed.Except(once))
        {
            written[c.Index] = await UpdateAsync(c.Key, c.Change, cancellationToken);
        }

        return written;
    }

    /// <summary>
    /// Rows in transactions within the service's limits: 100 actions and 4 MiB a request. A row's string properties are
    /// counted at 3 bytes a character (UTF-8 of Chinese text), so a few rows with long histories get a transaction of their own.
    /// </summary>
    private static IEnumerable<List<T>> TransactionChunks<T>(List<T> items, Func<T, TableEntity> entity)
    {
        const long MaxBytes = 3 * 1024 * 1024;
        var chunk = new List<T>();
        long bytes = 0;
        foreach (var item in items)
        {
            var size = 512 + entity(item).Sum(p => p.Value is string text ? 3L * text.Length : 16L);
            if (chunk.Count > 0 && (chunk.Count == MaxActionsPerTransaction || bytes + size > MaxBytes))
            {
                yield return chunk;
                (chunk, bytes) = ([], 0);
            }

            chunk.Add(item);
            bytes += size;
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    public async IAsyncEnumerable<LedgerEntry> ListShopAsync(string platform, string shopId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName);
        var pk = PartitionKey(platform, shopId);
        await foreach (var entity in table.QueryAsync<TableEntity>(x => x.PartitionKey == pk, cancellationToken: cancellationToken))
        {
            yield return FromEntity(entity);
        }
    }

    private async Task<(LedgerEntry? Entry, ETag ETag)> ReadAsync(TableClient table, OrderKey key, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(PartitionKey(key.Platform, key.ShopId), TableKeys.Sanitize(key.OrderId), cancellationToken: cancellationToken);
        if (response.HasValue && response.Value is { } entity)
        {
            knownAbsent.Remove(key.InstanceId);
            return (FromEntity(entity), entity.ETag);
        }

        knownAbsent.Add(key.InstanceId);
        return (null, default);
    }

    /// <summary>The ledger's partition of a shop; <see cref="OrderLeases"/> uses the same keys.</summary>
    internal static string PartitionKey(string platform, string shopId) => TableKeys.Sanitize($"{platform}:{shopId}");

    internal static string RowKey(OrderKey key) => TableKeys.Sanitize(key.OrderId);

    private static TableEntity ToEntity(LedgerEntry entry) => new(PartitionKey(entry.Key.Platform, entry.Key.ShopId), TableKeys.Sanitize(entry.Key.OrderId))
    {
        ["Platform"] = entry.Key.Platform,
        ["ShopId"] = entry.Key.ShopId,
        ["OrderId"] = entry.Key.OrderId,
        ["Status"] = entry.Status.ToString(),
        ["PlatformStatus"] = entry.PlatformStatus?.ToString(),
        ["ErpOrderNumber"] = entry.ErpOrderNumber,
        ["PaidAmountFen"] = entry.PaidAmountFen,
        ["Reason"] = entry.Reason is { Length: > MaxReasonChars } r ? r[..MaxReasonChars] : entry.Reason,
        ["UpdatedAt"] = entry.UpdatedAt,
        ["History"] = HistoryJson(entry.History),
        ["SellerNote"] = entry.SellerNote is { Length: > MaxReasonChars } n ? n[..MaxReasonChars] : entry.SellerNote,
        ["SellerNoteAt"] = entry.SellerNoteAt,
        ["Shipments"] = entry.Shipments.Count == 0 ? null : JsonSerializer.Serialize(entry.Shipments, Json),
    };

    /// <summary>
    /// The history as JSON within one Tables property: <see cref="LedgerEntry.MaxHistory"/> steps bound the count,
    /// but long notes (a quarantine lists every unmapped SKU) could still pass the property limit and make the row
    /// unwritable. The oldest steps go first; a single step too long on its own keeps the start of its note.
    /// </summary>
    private static string HistoryJson(IReadOnlyList<LedgerHistoryItem> history)
    {
        var json = JsonSerializer.Serialize(history, Json);
        if (json.Length <= MaxPropertyChars)
        {
            return json;
        }

        var kept = history.ToList();
        while (kept.Count > 1 && json.Length > MaxPropertyChars)
        {
            kept.RemoveAt(0);
            json = JsonSerializer.Serialize(kept, Json);
        }

        for (var noteChars = kept[0].Note.Length / 2; json.Length > MaxPropertyChars; noteChars /= 2)
        {
            json = JsonSerializer.Serialize(new[] { kept[0] with { Note = kept[0].Note[..noteChars] } }, Json);
        }

        return json;
    }

    private static LedgerEntry FromEntity(TableEntity e) => new()
    {
        Key = new OrderKey(e.GetString("Platform"), e.GetString("ShopId"), e.GetString("OrderId")),
        Status = Enum.Parse<SyncStatus>(e.GetString("Status")),
        PlatformStatus = e.GetString("PlatformStatus") is { } ps ? Enum.Parse<OrderStatus>(ps) : null,
        ErpOrderNumber = e.GetString("ErpOrderNumber"),
        PaidAmountFen = e.GetInt64("PaidAmountFen") ?? 0,
        Reason = e.GetString("Reason"),
        UpdatedAt = e.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue,
        History = JsonSerializer.Deserialize<List<LedgerHistoryItem>>(e.GetString("History") ?? "[]", Json) ?? [],
        SellerNote = e.GetString("SellerNote"),
        SellerNoteAt = e.GetDateTimeOffset("SellerNoteAt"),
        Shipments = e.GetString("Shipments") is { } shipments ? JsonSerializer.Deserialize<List<LedgerShipment>>(shipments, Json) ?? [] : [],
    };
}
