using ServerlessSync.Pipeline.SellerNotes;

namespace ServerlessSync.Pipeline.Sync.WriteBack;

/// <summary>
/// Queues a synced order's ERP number for the platform order's seller note (written off this path by
/// <see cref="SellerNoteWriteBack"/>). Queued until the ledger records an outcome of it, so a retried write-back queues it
/// again, which is a no-op while it waits.
/// </summary>
public sealed class SellerNoteWriteBackHandler(SellerNoteQueue queue) : IWriteBackHandler
{
    public async Task HandleAsync(WrittenBack written, CancellationToken cancellationToken)
    {
        var entry = written.Entry;
        if (entry.Status == SyncStatus.Synced && entry.ErpOrderNumber is { Length: > 0 } erpOrderNumber && entry.SellerNote is null)
        {
            await queue.EnqueueAsync(written.Request.Key, erpOrderNumber, written.At, cancellationToken);
        }
    }
}
