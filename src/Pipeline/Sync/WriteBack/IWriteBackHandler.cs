using ServerlessSync.Pipeline.Ledger;

namespace ServerlessSync.Pipeline.Sync.WriteBack;

/// <summary>An order's ledger row as one write-back left it: what the steps after the ledger act on.</summary>
/// <param name="Previous">The status the ledger row had before this write-back (null for a new row).</param>
public sealed record WrittenBack(WriteBackRequest Request, LedgerEntry Entry, SyncStatus? Previous, DateTimeOffset At)
{
    /// <summary>True when this write-back recorded the order as synced (not a late run that found it synced already).</summary>
    public bool SyncedNow => Request.Status == SyncStatus.Synced && Entry.Status == SyncStatus.Synced;
}

/// <summary>
/// A step that follows an order's ledger write: an index, a counter, a notification. The write-back runs every
/// registered handler after the ledger's compare-and-set, in registration order; a retried write-back runs them all
/// again, so each must be idempotent. Adding a dashboard figure or a side effect is a new handler, not a change to the
/// orchestration contract.
/// </summary>
public interface IWriteBackHandler
{
    Task HandleAsync(WrittenBack written, CancellationToken cancellationToken);
}

/// <summary>
/// A handler that joins its storage writes across a batch run's orders (one write per partition, not one per order).
/// A batch write-back gives it every order at once, beside the per-order pass of the other handlers.
/// </summary>
public interface IJoiningWriteBackHandler : IWriteBackHandler
{
    Task HandleManyAsync(IReadOnlyList<WrittenBack> written, CancellationToken cancellationToken);
}
