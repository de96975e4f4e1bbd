using ServerlessSync.LocalHost.Durable;
using ServerlessSync.Pipeline.Intake;
using ServerlessSync.Pipeline.Storage;

namespace ServerlessSync.LocalHost.Hosted;

/// <summary>
/// Decides when the intake poller takes the next intake messages: not while a flood is being acked (for at most
/// <see cref="StartAdmissionOptions.MaxFloodHoldSeconds"/>), and not while the task hub's queues are full. Messages
/// wait in the intake queue meanwhile, so nothing is held in memory and nothing can be lost.
/// </summary>
public sealed class StartAdmission(TaskHubBacklog backlog, IntakeFloodMeter flood, IOptions<StartAdmissionOptions> options, ILogger<StartAdmission> logger, TimeProvider clock)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private DateTimeOffset? floodSeenSince;

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        await WaitOutFloodAsync(cancellationToken);
        await WaitForBacklogAsync(cancellationToken);
    }

    private async Task WaitOutFloodAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (o.FloodEventsPerSecond <= 0)
        {
            return;
        }

        while (flood.EventsInLastSecond() >= o.FloodEventsPerSecond)
        {
            var now = clock.GetUtcNow();
            floodSeenSince ??= now;
            if (now - floodSeenSince >= TimeSpan.FromSeconds(o.MaxFloodHoldSeconds))
            {
                return; // a long flood: starts go ahead alongside it
            }

            if (now == floodSeenSince)
            {
                logger.LogInformation("Intake flood ({Events} events/s): new orchestration starts wait while the pushes are acked", flood.EventsInLastSecond());
            }

            await Task.Delay(Poll, clock, cancellationToken);
        }

        floodSeenSince = null;
    }

    private async Task WaitForBacklogAsync(CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxTaskHubBacklog;
        if (limit <= 0)
        {
            return;
        }

        var logged = false;
        int count;
        while ((count = await CountOrAdmitAsync(cancellationToken)) >= limit)
        {
            if (!logged)
            {
                logger.LogInformation("Task hub backlog at {Backlog} messages (limit {Limit}); new orchestration starts wait", count, limit);
                logged = true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), clock, cancellationToken);
        }
    }

    /// <summary>
    /// The backlog, or 0 while the task hub's storage cannot be read: the poller must keep taking messages then, so that
    /// each meets <see cref="IntakeDeliveryPolicy"/> (put back with a growing delay) instead of the poller stopping.
    /// </summary>
    private async Task<int> CountOrAdmitAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await backlog.CountAsync(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && TransientInfrastructure.IsTransient(ex))
        {
            logger.LogWarning(ex, "Task hub backlog unreadable (its storage is unavailable); starts are not held back meanwhile");
            return 0;
        }
    }
}
