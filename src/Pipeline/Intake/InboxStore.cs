using Azure;
using Azure.Data.Tables;
using ServerlessSync.Domain.Platforms;
using ServerlessSync.Pipeline.Storage;

namespace ServerlessSync.Pipeline.Intake;

/// <summary>
/// Every accepted push message, one row per (order, platform message id). Inserting is the duplicate check:
/// a 409 means the platform delivered this message before.
/// </summary>
public sealed class InboxStore(StorageClients storage)
{
    public const string TableName = "Inbox";

    /// <summary>Raw messages are small (ids and a summary); anything longer is cut to stay within one Tables property.</summary>
    private const int MaxRawChars = 30_000;

    public enum InsertResult { New, DuplicateEnqueued, DuplicateNotEnqueued }

    /// <param name="enqueued">True when the intake message was sent before this insert (the fast path of <see cref="IntakeService"/>).</param>
    public async Task<InsertResult> TryInsertAsync(InboundMessage message, DateTimeOffset receivedAt, CancellationToken cancellationToken, bool enqueued = false)
    {
        var table = await storage.TableAsync(TableName);
        var e = message.Event;
        var entity = new TableEntity(PartitionKey(e), TableKeys.Sanitize(e.MsgId))
        {
            ["Event"] = e.Event,
            ["EventTime"] = e.EventTime,
            ["ReceivedAt"] = receivedAt,
            ["RawMessage"] = message.RawMessage.Length > MaxRawChars ? message.RawMessage[..MaxRawChars] : message.RawMessage,
            ["Enqueued"] = enqueued,
        };
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
            return InsertResult.New;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = await table.GetEntityAsync<TableEntity>(entity.PartitionKey, entity.RowKey, ["Enqueued"], cancellationToken);
            return existing.Value.GetBoolean("Enqueued") == true ? InsertResult.DuplicateEnqueued : InsertResult.DuplicateNotEnqueued;
        }
    }

    public async Task MarkEnqueuedAsync(OrderEvent e, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName);
        var patch = new TableEntity(PartitionKey(e), TableKeys.Sanitize(e.MsgId)) { ["Enqueued"] = true };
        await table.UpdateEntityAsync(patch, ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    public async Task<int> CountAsync(string platform, string shopId, string orderId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName);
        // The same key the rows were written under: ids with characters Tables forbids are sanitized there.
        var pk = TableKeys.Sanitize($"{platform}:{shopId}:{orderId}");
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(x => x.PartitionKey == pk, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            count++;
        }

        return count;
    }

    private static string PartitionKey(OrderEvent e) => TableKeys.Sanitize($"{e.Platform}:{e.ShopId}:{e.OrderId}");
}
