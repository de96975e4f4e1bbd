using ServerlessSync.Pipeline.Pull;

namespace ServerlessSync.Functions.Intake;

/// <summary>
/// Timer trigger for incremental pull by update time (DESIGN §1, step 2): every shop's changed orders since its
/// watermark go through the Inbox and the intake queue like pushes. A shop whose pull fails is alerted on its own and
/// keeps its watermark; the other shops are pulled all the same. Each tick first replays the pushes held for shops that
/// were not configured (<see cref="HeldPushes"/>) and now are.
/// </summary>
public sealed class PullOrdersFunction(PullService pull, HeldPushes held, ILogger<PullOrdersFunction> logger)
{
    public const string Name = "PullOrders";

    /// <summary>Every minute, at second 0 (six-field NCRONTAB).</summary>
    public const string Schedule = "0 */1 * * * *";

    [Function(Name)]
    public async Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        var (replayed, stillHeld) = await held.ReplayAsync(cancellationToken);
        if (replayed + stillHeld > 0)
        {
            logger.LogInformation("Held pushes: {Replayed} replayed for shops configured since, {StillHeld} still wait for their shop", replayed, stillHeld);
        }

        var results = await pull.PullAllAsync(cancellationToken);
        logger.LogInformation("Pull tick (past due: {PastDue}): {Shops} shops ({Failed} failed), {Enqueued} new events, {Skipped} unreadable entries skipped", timer.IsPastDue, results.Count, results.Count(r => r.Error is not null), results.Sum(r => r.Enqueued), results.Sum(r => r.Skipped));
    }
}
