using Microsoft.DurableTask;
using ServerlessSync.Pipeline.Ledger;
using ServerlessSync.Pipeline.Sync.WriteBack;

namespace ServerlessSync.Pipeline.Sync.Activities;

/// <summary>
/// Records the outcome in the Orders ledger (ETag compare-and-set), then runs the <see cref="IWriteBackHandler"/>s that
/// follow a ledger write (quarantine index, stats, metrics, order event, ERP failure reset, seller note, shipment index,
/// stock push). The last write of a per-order run gives up the run's lease on the order.
/// </summary>
public sealed class WriteBackActivity(
    OrderLedger ledger,
    WriteBackHandlers handlers,
    OrderLeases leases,
    TimeProvider clock,
    ILogger<WriteBackActivity> logger) : TaskActivity<WriteBackRequest, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, WriteBackRequest input)
    {
        await RecordAsync(input);
        return true;
    }

    /// <summary>Everything a per-order write-back does. A batch run uses <see cref="RecordManyAsync"/> instead.</summary>
    /// <returns>The ledger entry as written.</returns>
    public async Task<LedgerEntry> RecordAsync(WriteBackRequest input)
    {
        var change = new LedgerChange(input, clock.GetUtcNow());
        var entry = await ledger.UpdateAsync(input.Key, change.Apply, CancellationToken.None);
        logger.LogInformation("Ledger {InstanceId} is {Status}", input.Key.InstanceId, entry.Status);
        await handlers.HandleAsync(change.Written(entry), CancellationToken.None);
        if (input.ReleaseLeaseOf is { } owner)
        {
            await leases.ReleaseAsync([input.Key], owner, CancellationToken.None);
        }

        return entry;
    }

    /// <summary>
    /// A batch run's write-backs: the ledger rows in a few transactions (<see cref="OrderLedger.UpdateManyAsync"/>), then
    /// each handler over all of them (the stats join their writes). Leases are the batch run's to give up.
    /// </summary>
    /// <returns>The ledger entries as written, in the order of <paramref name="inputs"/>.</returns>
    public async Task<IReadOnlyList<LedgerEntry>> RecordManyAsync(IReadOnlyList<WriteBackRequest> inputs)
    {
        var now = clock.GetUtcNow();
        var changes = inputs.Select(input => new LedgerChange(input, now)).ToList();
        var entries = await ledger.UpdateManyAsync(changes.Select(c => (c.Input.Key, (Func<LedgerEntry?, LedgerEntry>)c.Apply)).ToList(), CancellationToken.None);
        logger.LogInformation("Ledger: {Count} orders of a batch written back", entries.Count);
        await handlers.HandleManyAsync(changes.Select((c, i) => c.Written(entries[i])).ToList(), CancellationToken.None);
        return entries;
    }

    /// <summary>The ledger change of a write-back; it remembers the status it found, for the quarantine index and the metrics.</summary>
    private sealed class LedgerChange(WriteBackRequest input, DateTimeOffset now)
    {
        public WriteBackRequest Input => input;

        public DateTimeOffset Now => now;

        public SyncStatus? Previous { get; private set; }

        public WrittenBack Written(LedgerEntry entry) => new(input, entry, Previous, now);

        public LedgerEntry Apply(LedgerEntry? current)
        {
            Previous = current?.Status;
            var baseEntry = current ?? new LedgerEntry { Key = input.Key, Status = SyncStatus.Received, UpdatedAt = now };
            // A synced order stays synced: a late, slower run must not overwrite the ERP number or status.
            if (baseEntry.Status == SyncStatus.Synced && input.Status is not (SyncStatus.Synced or SyncStatus.CancelledAfterErp or SyncStatus.Reversed))
            {
                return baseEntry;
            }

            return baseEntry.With(input.Status, input.Note, now, input.ErpOrderNumber, input.Reason) with
            {
                PlatformStatus = input.PlatformStatus ?? baseEntry.PlatformStatus,
                PaidAmountFen = input.PaidAmountFen != 0 ? input.PaidAmountFen : baseEntry.PaidAmountFen,
            };
        }
    }
}
