using ServerlessSync.Pipeline.Intake;
using ServerlessSync.Pipeline.Ledger;

namespace ServerlessSync.Pipeline.Sync.Batch;

/// <summary>
/// Hands orders that leave the batch's happy path to their per-order SyncOrder run (quarantine, hold, pending stock,
/// reversal, waiting for payment, a failed fetch, retries the batch could not settle): the batch's lease passes to that
/// run's instance id first, so no other batch slips in, then the event goes on the intake queue alone, accepted now, and
/// the consumer starts SyncOrder for it as for a resync.
/// </summary>
public sealed class SlowPathHandOff(OrderLeases leases, IntakeQueue queue, SyncSettings settings, TimeProvider clock, ILogger<SlowPathHandOff> logger)
{
    public async Task HandOffAsync(string owner, IReadOnlyCollection<IntakeMessage> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return;
        }

        await leases.HandOverAsync(events.Select(e => e.Key).ToList(), owner, settings.OrderRunLease, cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var message in events)
        {
            await queue.EnqueueAsync(message with { AcceptedAt = now }, cancellationToken: cancellationToken);
            logger.LogInformation("{Owner} handed {InstanceId} to its per-order run", owner, message.Key.InstanceId);
        }
    }
}
