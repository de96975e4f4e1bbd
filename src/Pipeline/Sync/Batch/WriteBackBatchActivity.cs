using Microsoft.DurableTask;
using ServerlessSync.Pipeline.Ledger;
using ServerlessSync.Pipeline.Sync.Activities;

namespace ServerlessSync.Pipeline.Sync.Batch;

/// <summary>
/// The batch run's last step: the settled orders' ledger rows in a few transactions (each row compare-and-set) and the
/// write-back handlers over all of them (<see cref="WriteBackActivity.RecordManyAsync"/>); then the run gives up
/// those orders' leases and hands the orders it could not settle to their per-order runs. Every part is idempotent, so a retry repeats it safely.
/// </summary>
public sealed class WriteBackBatchActivity(WriteBackActivity writeBack, OrderLeases leases, SlowPathHandOff handOff) : TaskActivity<WriteBackBatchRequest, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, WriteBackBatchRequest input)
    {
        await writeBack.RecordManyAsync(input.Writes);
        await leases.ReleaseAsync(input.Writes.Select(w => w.Key).ToList(), input.Owner, CancellationToken.None);
        await handOff.HandOffAsync(input.Owner, input.HandOffs, CancellationToken.None);
        return true;
    }
}
