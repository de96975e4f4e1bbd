using Azure;

namespace ServerlessSync.Pipeline.Intake;

/// <summary>What recording an event in the Inbox found.</summary>
public enum InboxRecord
{
    /// <summary>First time the hub sees this platform message.</summary>
    New,

    /// <summary>Recorded before by an earlier try of the same batch (which stopped before it finished): handle it again.</summary>
    RecordedByThisBatch,

    /// <summary>Recorded by another batch: the platform pushed it twice. Nothing to do.</summary>
    Duplicate,
}

/// <summary>An event to record: the message, and its body (carried by its batch) or its place in the batch's bodies blob.</summary>
public sealed record InboxEntry(IntakeMessage Message, int BodyIndex, string? RawBody);

/// <summary>
/// Every accepted platform message, one row per (order, platform message id), written by the intake consumer.
/// Inserting is the duplicate check; the row names the batch that recorded it and holds its raw body, or says where
/// in the batch's bodies blob the body is.
/// </summary>
public sealed class InboxStore(StorageClients storage, IntakeBodyStore bodies)
{
    public const string TableName = "Inbox";

    /// <summary>
    /// Records the events of one order from one batch: in one transaction (they share the order's partition) when none of
    /// them was recorded before, the common case; one by one when one was, so each gets its own answer.
    /// </summary>
    public async Task<IReadOnlyList<InboxRecord>> RecordOrderAsync(IReadOnlyList<InboxEntry> events, string batchId, CancellationToken cancellationToken)
    {
        if (events.Count > 1)
        {
            var table = await storage.TableAsync(TableName);
            try
            {
                await table.SubmitTransactionAsync(events.Select(e => new TableTransactionAction(TableTransactionActionType.Add, Entity(e, batchId))), cancellationToken);
                return events.Select(_ => InboxRecord.New).ToList();
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // At least one was recorded before (a duplicate push, or an earlier try of this batch): decide each below.
            }
        }

        return await Task.WhenAll(events.Select(e => RecordAsync(e.Message, batchId, e.BodyIndex, e.RawBody, cancellationToken)));
    }

    /// <param name="rawBody">The body when the batch carried it; null when it is entry <paramref name="bodyIndex"/> of the batch's blob.</param>
    public async Task<InboxRecord> RecordAsync(IntakeMessage message, string batchId, int bodyIndex, string? rawBody, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName);
        var entity = Entity(new InboxEntry(message, bodyIndex, rawBody), batchId);
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
            return InboxRecord.New;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = (await table.GetEntityAsync<TableEntity>(entity.PartitionKey, entity.RowKey, ["Batch", "Enqueued"], cancellationToken)).Value;
            if (existing.GetString("Batch") == batchId)
            {
                return InboxRecord.RecordedByThisBatch;
            }

            // A row from before intake batched that never got its queue message: this delivery completes it.
            return existing.GetString("Batch") is null && existing.GetBoolean("Enqueued") == false ? InboxRecord.RecordedByThisBatch : InboxRecord.Duplicate;
        }
    }

    /// <summary>The raw platform message of a recorded event; null when the event was never recorded.</summary>
    public async Task<string?> GetRawMessageAsync(string platform, string shopId, string orderId, string msgId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(PartitionKey(platform, shopId, orderId), RowKey(msgId), cancellationToken: cancellationToken);
        if (!row.HasValue || row.Value is null)
        {
            return null;
        }

        // The row holds the body when its batch carried it (and rows written before intake batched); else the blob does.
        return row.Value.GetString("RawMessage") is null && row.Value.GetString("Batch") is { } batchId && row.Value.GetInt32("BodyIndex") is { } index
            ? await bodies.ReadAsync(batchId, index, cancellationToken)
            : row.Value.GetString("RawMessage");
    }

    public async Task<int> CountAsync(string platform, string shopId, string orderId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName);
        var pk = PartitionKey(platform, shopId, orderId);
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(x => x.PartitionKey == pk, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            count++;
        }

        return count;
    }

    private static TableEntity Entity(InboxEntry entry, string batchId)
    {
        var message = entry.Message;
        var entity = new TableEntity(PartitionKey(message.Platform, message.ShopId, message.OrderId), RowKey(message.MsgId))
        {
            ["Event"] = message.Event,
            ["EventTime"] = message.EventTime,
            ["ReceivedAt"] = message.AcceptedAt,
            ["Batch"] = batchId,
        };
        if (entry.RawBody is null)
        {
            entity["BodyIndex"] = entry.BodyIndex;
        }
        else
        {
            entity["RawMessage"] = entry.RawBody;
        }

        return entity;
    }

    // Ids with characters Tables forbids are sanitized; reads use the same keys.
    private static string PartitionKey(string platform, string shopId, string orderId) => TableKeys.Sanitize($"{platform}:{shopId}:{orderId}");

    private static string RowKey(string msgId) => TableKeys.Sanitize(msgId);
}
