using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using ServerlessSync.Domain.Orders;
using ServerlessSync.Pipeline.Alerts;
using ServerlessSync.Pipeline.Ledger;
using ServerlessSync.Pipeline.Quarantine;
using ServerlessSync.Pipeline.Stats;

namespace ServerlessSync.Pipeline.Sync.Activities;

/// <summary>
/// Records the outcome in the Orders ledger (ETag compare-and-set), keeps the quarantine index in step, and
/// resets the ERP's consecutive-failure count on success.
/// </summary>
public sealed class WriteBackActivity(OrderLedger ledger, QuarantineIndex quarantine, AlertService alerts, StatsRecorder stats, TimeProvider clock, ILogger<WriteBackActivity> logger) : TaskActivity<WriteBackRequest, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, WriteBackRequest input)
    {
        var now = clock.GetUtcNow();
        SyncStatus? previous = null;
        var entry = await ledger.UpdateAsync(
            input.Key,
            current =>
            {
                previous = current?.Status;
                var baseEntry = current ?? new LedgerEntry { Key = input.Key, Status = SyncStatus.Received, UpdatedAt = now };
                // A synced order stays synced: a late, slower run must not overwrite the ERP number or status.
                if (baseEntry.Status == SyncStatus.Synced && input.Status is not (SyncStatus.Synced or SyncStatus.CancelledAfterErp))
                {
                    return baseEntry;
                }

                return baseEntry.With(input.Status, input.Note, now, input.ErpOrderNumber, input.Reason) with
                {
                    PlatformStatus = input.PlatformStatus ?? baseEntry.PlatformStatus,
                    PaidAmountFen = input.PaidAmountFen != 0 ? input.PaidAmountFen : baseEntry.PaidAmountFen,
                };
            },
            CancellationToken.None);
        logger.LogInformation("Ledger {InstanceId} is {Status}", input.Key.InstanceId, entry.Status);

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

        await stats.RecordAsync(entry, input.Sales, CancellationToken.None);
        return true;
    }
}
