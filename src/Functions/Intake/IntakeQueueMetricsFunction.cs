using ServerlessSync.Pipeline.Stats;
using ServerlessSync.Pipeline.Telemetry;

namespace ServerlessSync.Functions.Intake;

/// <summary>
/// Timer trigger that samples the intake queue every minute into the metrics the alerts watch
/// (<c>orders.intake.backlog_age</c>, <c>orders.intake.poison_depth</c>). A timer, not a hosted service: it runs on
/// one instance even when nothing else runs, which is exactly when a stuck queue or a poison message needs noticing.
/// </summary>
public sealed class IntakeQueueMetricsFunction(QueueHealth queues, PipelineMetrics metrics, TimeProvider clock)
{
    public const string Name = "IntakeQueueMetrics";

    /// <summary>Every minute, at second 30 (six-field NCRONTAB), away from the pull tick.</summary>
    public const string Schedule = "30 */1 * * * *";

    [Function(Name)]
    public async Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        var lag = await queues.ReadAsync(clock.GetUtcNow(), cancellationToken);
        metrics.IntakeQueueSampled(lag);
    }
}
