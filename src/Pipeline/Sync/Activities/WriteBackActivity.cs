using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using ServerlessSync.Domain.Orders;
using ServerlessSync.Pipeline.Alerts;
using ServerlessSync.Pipeline.Events;
using ServerlessSync.Pipeline.Ledger;
using ServerlessSync.Pipeline.Quarantine;
using ServerlessSync.Pipeline.SellerNotes;
using ServerlessSync.Pipeline.Shipments;
using ServerlessSync.Pipeline.Stats;
using ServerlessSync.Pipeline.StockPush;
using ServerlessSync.Pipeline.Telemetry;

namespace ServerlessSync.Pipeline.Sync.Activities;

/// <summary>
/// Records the outcome in the Orders ledger (ETag compare-and-set), keeps the quarantine index and the live
/// stats in step, counts the change in the metrics, publishes the order event, and resets the ERP's
/// consecutive-failure count on success; a synced order's ERP number is queued for the platform's seller note and indexed for
/// the ERP's shipments, and its shop's stock push is signalled. The last
/// write of a per-order run gives up the run's lease on the order.
/// </summary>
public sealed class WriteBackActivity(
    OrderLedger ledger,
    QuarantineIndex quarantine,
    AlertService alerts,
    StatsRecorder stats,
    PipelineMetrics metrics,
    IOrderEventPublisher events,
    OrderLeases leases,
    SellerNoteQueue sellerNotes,
    ErpOrderIndex erpOrders,
    StockPushSignal stockPush,
    TimeProvider clock,
    ILogger<WriteBackActivity> logger) : TaskActivity<WriteBackRequest, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, WriteBackRequest input)
    {
        await RecordAsync(input, recordStats: true);
        return true;
    }

    /// <summary>
    /// Everything a write-back does. A batch run uses <see cref="RecordManyAsync"/> instead.
    /// </summary>
    /// <returns>The ledger entry as written.</returns>
    public async Task<LedgerEntry> RecordAsync(WriteBackRequest input, bool recordStats)
    {
        var change = new LedgerChange(input, clock.GetUtcNow());
        var entry = await ledger.UpdateAsync(input.Key, change.Apply, CancellationToken.None);
        await AfterLedgerAsync(input, change, entry, recordStats);
        return entry;
    }

    /// <summary>
    /// A batch run's write-backs: the ledger rows in a few transactions (<see cref="OrderLedger.UpdateManyAsync"/>), then
    /// each order's other steps; the batch records the stats of all of them at once (<see cref="StatsBatchRecorder"/>).
    /// </summary>
    /// <returns>The ledger entries as written, in the order of <paramref name="inputs"/>.</returns>
    public async Task<IReadOnlyList<LedgerEntry>> RecordManyAsync(IReadOnlyList<WriteBackRequest> inputs, int maxConcurrentOrders)
    {
        var now = clock.GetUtcNow();
        var changes = inputs.Select(input => new LedgerChange(input, now)).ToList();
        var entries = await ledger.UpdateManyAsync(changes.Select(c => (c.Input.Key, (Func<LedgerEntry?, LedgerEntry>)c.Apply)).ToList(), CancellationToken.None);
        await Parallel.ForEachAsync(
            Enumerable.Range(0, inputs.Count),
            new ParallelOptions { MaxDegreeOfParallelism = maxConcurrentOrders },
            async (i, _) => await AfterLedgerAsync(inputs[i], changes[i], entries[i], recordStats: false));
        return entries;
    }

    /// <summary>The ledger change of a write-back; it remembers the status it found, for the quarantine index and the metrics.</summary>
    private sealed class LedgerChange(WriteBackRequest input, DateTimeOffset now)
    {
        public WriteBackRequest Input => input;

        public DateTimeOffset Now => now;

        public SyncStatus? Previous { get; private set; }

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

    private async Task AfterLedgerAsync(WriteBackRequest input, LedgerChange change, LedgerEntry entry, bool recordStats)
    {
        var (now, previous) = (change.Now, change.Previous);
        logger.LogInformation("Ledger {InstanceId} is {Status}", input.Key.InstanceId, entry.Status);

        // The ERP number goes to the platform order's seller note off this path (SellerNoteWriteBack). Queued until the
        // ledger records an outcome of it, so a retry of this activity queues it again (a no-op while it waits).
        if (entry.Status == SyncStatus.Synced && entry.ErpOrderNumber is { Length: > 0 } erpOrderNumber && entry.SellerNote is null)
        {
            await sellerNotes.EnqueueAsync(input.Key, erpOrderNumber, now, CancellationToken.None);
        }

        // The ERP's outbound documents name its sales order only: the index leads a shipment back to this platform order.
        if (entry.Status == SyncStatus.Synced && input.Status == SyncStatus.Synced && entry.ErpOrderNumber is { Length: > 0 } shippedAs)
        {
            await erpOrders.PutAsync(shippedAs, input.Key, CancellationToken.None);
        }

        // The ERP's stock moved with this write: the stock push learns the order's SKUs and pushes the shop's next run.
        if (input.Status == SyncStatus.Synced && entry.Status == SyncStatus.Synced && input.Sales is { } sales)
        {
            await stockPush.ErpWrittenAsync(input.Key, sales.Lines, CancellationToken.None);
        }

        if (QuarantineIndex.IsWaiting(entry.Status))
        {
            await quarantine.PutAsync(new QuarantinedOrder(input.Key, entry.Status, entry.Reason ?? input.Note, input.UnmappedSkus ?? [], now), CancellationToken.None);
        }
        else if (previous is { } was && QuarantineIndex.IsWaiting(was))
        {
            await quarantine.RemoveAsync(input.Key, CancellationToken.None);
        }

        if (input.ErpTarget is not null && input.Status == SyncStatus.Synced)
        {
            await alerts.RecordSuccessAsync(input.ErpTarget, CancellationToken.None);
        }

        if (recordStats)
        {
            await stats.RecordAsync(entry, input.Sales, CancellationToken.None);
        }

        metrics.StatusChanged(input.Key, previous, entry.Status);

        // Published even when the status did not change: a retry after a broker failure must still send, and the
        // broker drops the repeat by message id.
        if (entry.Status == input.Status
            && OrderEventMessage.ForStatus(input.Key, entry.Status, metrics.Erp, entry.ErpOrderNumber, entry.Reason, now) is { } message)
        {
            await events.PublishAsync(message, CancellationToken.None);
        }

        if (input.ReleaseLeaseOf is { } owner)
        {
            await leases.ReleaseAsync([input.Key], owner, CancellationToken.None);
        }
    }
}
