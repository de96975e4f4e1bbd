using Azure;

namespace ServerlessSync.Pipeline.SellerNotes;

/// <summary>One order whose ERP number is still to be written to the platform order's seller note.</summary>
public sealed record PendingSellerNote(OrderKey Key, string ErpOrderNumber, int Failures, DateTimeOffset DueAt, string? LastError);

/// <summary>
/// The durable queue of seller notes to write (table <c>SellerNotes</c>, one row per order): a row is added when the
/// order is recorded Synced, rescheduled with its failure count after a failed try, and removed once the note is written,
/// found already written, skipped or given up. Adding an order that is already queued changes nothing.
/// </summary>
public sealed class SellerNoteQueue(StorageClients storage)
{
    public const string TableName = "SellerNotes";

    public async Task EnqueueAsync(OrderKey key, string erpOrderNumber, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName);
        try
        {
            await table.AddEntityAsync(ToEntity(new PendingSellerNote(key, erpOrderNumber, 0, now, null)), cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Already queued (a retried write-back, or a later run of the same order): the queued row does the work.
        }
    }

    /// <summary>Up to <paramref name="max"/> notes due at <paramref name="now"/>.</summary>
    public async Task<IReadOnlyList<PendingSellerNote>> ListDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName);
        var due = new List<PendingSellerNote>();
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"DueAt le {now}"), maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken))
        {
            due.Add(FromEntity(entity));
            if (due.Count >= max)
            {
                break;
            }
        }

        return due;
    }

    public async Task<PendingSellerNote?> GetAsync(OrderKey key, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(PartitionKey(key), RowKey(key), cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { } entity ? FromEntity(entity) : null;
    }

    public async Task RescheduleAsync(PendingSellerNote note, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName);
        await table.UpsertEntityAsync(ToEntity(note), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task RemoveAsync(OrderKey key, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName);
        await table.DeleteEntityAsync(PartitionKey(key), RowKey(key), ETag.All, cancellationToken);
    }

    private static string PartitionKey(OrderKey key) => TableKeys.Sanitize($"{key.Platform}:{key.ShopId}");

    private static string RowKey(OrderKey key) => TableKeys.Sanitize(key.OrderId);

    private static TableEntity ToEntity(PendingSellerNote note) => new(PartitionKey(note.Key), RowKey(note.Key))
    {
        ["Platform"] = note.Key.Platform,
        ["ShopId"] = note.Key.ShopId,
        ["OrderId"] = note.Key.OrderId,
        ["ErpOrderNumber"] = note.ErpOrderNumber,
        ["Failures"] = note.Failures,
        ["DueAt"] = note.DueAt,
        ["LastError"] = note.LastError is { Length: > 4_000 } e ? e[..4_000] : note.LastError,
    };

    private static PendingSellerNote FromEntity(TableEntity e) => new(
        new OrderKey(e.GetString("Platform"), e.GetString("ShopId"), e.GetString("OrderId")),
        e.GetString("ErpOrderNumber"),
        e.GetInt32("Failures") ?? 0,
        e.GetDateTimeOffset("DueAt") ?? DateTimeOffset.MinValue,
        e.GetString("LastError"));
}
