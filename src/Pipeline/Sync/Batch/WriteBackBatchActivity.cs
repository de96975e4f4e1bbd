using Microsoft.DurableTask;
using ServerlessSync.Domain.Orders;
using ServerlessSync.Pipeline.Ledger;
using ServerlessSync.Pipeline.Stats;
using ServerlessSync.Pipeline.Sync.Activities;

namespace ServerlessSync.Pipeline.Sync.Batch;

/// <summary>
/// The batch run's last step: the settled orders' ledger rows in a few transactions (each row compare-and-set), each
/// order's other steps as the per-order run takes them (quarantine index, metrics, order event), and the stats of all of them at once; then the run gives up
/// those orders' leases and hands the orders it could not settle to their per-order runs. Every part is idempotent, so a retry repeats it safely.
/// </summary>
public sealed class WriteBackBatchActivity(WriteBackActivity writeBack, StatsBatchRecorder stats, OrderLeases leases, SlowPathHandOff handOff) : TaskActivity<WriteBackBatchRequest, bool>
{
    /// <summary>Order write-backs of one batch running at once: each is a few storage calls.</summary>
    private const int MaxConcurrentWrites = 8;

    public override async Task<bool> RunAsync(TaskActivityContext context, WriteBackBatchRequest input)
    {
        var entries = await writeBack.RecordManyAsync(input.Writes, MaxConcurrentWrites);
        await stats.RecordAsync(entries.Zip(input.Writes, (entry, write) => (entry, write.Sales)).ToList(), CancellationToken.None);
        await leases.ReleaseAsync(input.Writes.Select(w => w.Key).ToList(), input.Owner, CancellationToken.None);
        await handOff.HandOffAsync(input.Owner, input.HandOffs, CancellationToken.None);
        return true;
    }
}
