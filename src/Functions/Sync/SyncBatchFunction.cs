using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using ServerlessSync.Pipeline.Sync;
using ServerlessSync.Pipeline.Sync.Batch;

namespace ServerlessSync.Functions.Sync;

/// <summary>The SyncBatch orchestrator function: runs the shared <see cref="SyncBatchOrchestrator"/> (from DI) on Durable Functions.</summary>
public sealed class SyncBatchFunction(SyncBatchOrchestrator orchestrator)
{
    [Function(SyncTaskNames.SyncBatch)]
    public Task<SyncBatchResult> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        orchestrator.RunAsync(context, context.GetInput<SyncBatchInput>()
            ?? throw new InvalidOperationException($"{SyncTaskNames.SyncBatch} {context.InstanceId} was started without input."));
}
