using ServerlessSync.Pipeline.Intake;
using ServerlessSync.Pipeline.Ports;
using ServerlessSync.Pipeline.Sync;

namespace ServerlessSync.Pipeline.Sync.Start;

public enum StartOutcome { Started, RequeuedBusy, AlreadyCovered }

/// <summary>
/// Handles one order event: starts SyncOrder with the deterministic instance id. While that instance
/// is still running the event is put back with a delay (never dropped); an event accepted before a finished
/// run began is already covered, because that run read the order's state after it.
/// Exceptions propagate so the queue retries the message and finally moves it to the poison queue. The run gets the
/// retry settings in force now (<paramref name="retries"/>) in its input, and keeps them for its life.
/// </summary>
public sealed class OrderEventStarter(IOrchestrationGateway gateway, IntakeQueue queue, IOptions<IntakeOptions> options, SyncRetryPlan retries, ILogger<OrderEventStarter> logger, TimeProvider? clock = null, Telemetry.PipelineMetrics? metrics = null)
{
    private readonly BusyRequeue busy = new(queue, options, clock ?? TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<BusyRequeue>.Instance);

    /// <summary>
    /// Events of one order are decided one at a time in this process: two racing starts of the same instance (an
    /// order's "created" and "paid" pushes arrive together) would both pass the engine's duplicate check and leave it
    /// a duplicate start message to discard. The second waits and then sees the first's run.
    /// </summary>
    private static readonly KeyedLock StartLocks = new();

    public async Task<StartOutcome> StartAsync(IntakeMessage message, CancellationToken cancellationToken)
    {
        var instanceId = message.Key.InstanceId;
        using var one = await StartLocks.AcquireAsync(instanceId, cancellationToken);
        var existing = await gateway.GetAsync(instanceId, cancellationToken);

        // A run created after the event was accepted reads the order after the change the event reports, so
        // the event is covered whether that run is still going or done. A release overrides holds, so it always runs.
        if (existing is { Status: InstanceRuntimeStatus.Pending or InstanceRuntimeStatus.Running or InstanceRuntimeStatus.Completed }
            && BusyRequeue.Covers(existing.CreatedAt, message)
            && message.Event != SyncEvents.Release)
        {
            logger.LogInformation("Event {Event} for {InstanceId} already covered by a later run", message.Event, instanceId);
            return StartOutcome.AlreadyCovered;
        }

        if (existing is { Status: InstanceRuntimeStatus.Pending or InstanceRuntimeStatus.Running })
        {
            return await RequeueAsync(message, cancellationToken);
        }

        if (!await gateway.TryStartAsync(instanceId, new SyncOrderInput(message.Key, message.Event, message.MsgId, retries), cancellationToken))
        {
            return await RequeueAsync(message, cancellationToken);
        }

        metrics?.QueueLagObserved(message.Platform, (clock ?? TimeProvider.System).GetUtcNow() - message.AcceptedAt);
        logger.LogInformation("Started {Orchestration} {InstanceId} for event {Event}", SyncTasks.SyncOrder.Name, instanceId, message.Event);
        return StartOutcome.Started;
    }

    private async Task<StartOutcome> RequeueAsync(IntakeMessage message, CancellationToken cancellationToken)
    {
        await busy.PutBackAsync(message, cancellationToken);
        logger.LogInformation("{InstanceId} is running; event {Event} put back", message.Key.InstanceId, message.Event);
        return StartOutcome.RequeuedBusy;
    }
}
