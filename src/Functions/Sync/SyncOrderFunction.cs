using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using ServerlessSync.Pipeline.Sync;

namespace ServerlessSync.Functions.Sync;

/// <summary>The SyncOrder orchestrator function: runs the shared <see cref="SyncOrderOrchestrator"/> (from DI) on Durable Functions.</summary>
public sealed class SyncOrderFunction(SyncOrderOrchestrator orchestrator)
{
    [Function(SyncTaskNames.SyncOrder)]
    public Task<SyncOrderResult> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        orchestrator.RunAsync(context, context.GetInput<SyncOrderInput>()
            ?? throw new InvalidOperationException($"{SyncTaskNames.SyncOrder} {context.InstanceId} was started without input."));
}
