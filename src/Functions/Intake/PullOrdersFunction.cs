using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using ServerlessSync.Pipeline.Pull;

namespace ServerlessSync.Functions.Intake;

/// <summary>
/// Timer trigger for incremental pull by update time (DESIGN §1, step 2): every shop's changed orders since its
/// watermark go through the Inbox and the intake queue like pushes. A failure propagates so the run is
/// recorded as failed; the next tick starts again from the unchanged watermarks.
/// </summary>
public sealed class PullOrdersFunction(PullService pull, ILogger<PullOrdersFunction> logger)
{
    public const string Name = "PullOrders";

    /// <summary>Every minute, at second 0 (six-field NCRONTAB).</summary>
    public const string Schedule = "0 */1 * * * *";

    [Function(Name)]
    public async Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        var results = await pull.PullAllAsync(cancellationToken);
        logger.LogInformation("Pull tick (past due: {PastDue}): {Shops} shops, {Enqueued} new events", timer.IsPastDue, results.Count, results.Sum(r => r.Enqueued));
    }
}
