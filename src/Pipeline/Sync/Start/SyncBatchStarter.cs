using ServerlessSync.Pipeline.Intake;
using ServerlessSync.Pipeline.Ports;
using ServerlessSync.Pipeline.Sync;
using ServerlessSync.Pipeline.Sync.Batch;

namespace ServerlessSync.Pipeline.Sync.Start;

/// <summary>
/// Starts one SyncBatch run for the orders of one intake message (DESIGN D7), under an instance id made from the message
/// id, so a message delivered again cannot start a second run for it: an existing run that did not fail covers it.
/// Exceptions propagate, so the queue retries the message. The run gets the retry settings in force now
/// (<paramref name="retries"/>) in its input, and keeps them for its life.
/// </summary>
public sealed class SyncBatchStarter(IOrchestrationGateway instances, ISyncBatchGateway batches, SyncRetryPlan retries, ILogger<SyncBatchStarter> logger, TimeProvider? clock = null, Telemetry.PipelineMetrics? metrics = null)
{
    public static string InstanceIdOf(string batchId) => $"batch:{batchId}";

    public async Task<StartOutcome> StartAsync(string batchId, IReadOnlyList<IntakeMessage> events, CancellationToken cancellationToken)
    {
        var instanceId = InstanceIdOf(batchId);
        if (await instances.GetAsync(instanceId, cancellationToken) is { Status: not (InstanceRuntimeStatus.Failed or InstanceRuntimeStatus.Terminated) } existing)
        {
            logger.LogInformation("{Orchestration} {InstanceId} already exists ({Status}); message delivered again", SyncTasks.SyncBatch.Name, instanceId, existing.Status);
            return StartOutcome.AlreadyCovered;
        }

        if (!await batches.TryStartBatchAsync(instanceId, new SyncBatchInput(batchId, events, retries), cancellationToken))
        {
            logger.LogInformation("{Orchestration} {InstanceId} is already running; message delivered again", SyncTasks.SyncBatch.Name, instanceId);
            return StartOutcome.AlreadyCovered;
        }

        var now = (clock ?? TimeProvider.System).GetUtcNow();
        foreach (var message in events)
        {
            metrics?.QueueLagObserved(message.Platform, now - message.AcceptedAt);
        }

        logger.LogInformation("Started {Orchestration} {InstanceId} for {Orders} orders", SyncTasks.SyncBatch.Name, instanceId, events.Count);
        return StartOutcome.Started;
    }
}
