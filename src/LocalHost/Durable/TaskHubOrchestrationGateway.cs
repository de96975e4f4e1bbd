using DurableTask.Core;
using DurableTask.Core.Exceptions;
using ServerlessSync.Pipeline.Ports;
using ServerlessSync.Pipeline.Sync.Start;
using ServerlessSync.Pipeline.Sync;
using ServerlessSync.Pipeline.Sync.Batch;

namespace ServerlessSync.LocalHost.Durable;

/// <summary>Starts and inspects SyncOrder and SyncBatch instances through the DTFx TaskHubClient.</summary>
public sealed class TaskHubOrchestrationGateway(DurableTaskHost host) : IOrchestrationGateway, ISyncBatchGateway
{
    private static readonly OrchestrationStatus[] RunningStatuses = [OrchestrationStatus.Pending, OrchestrationStatus.Running, OrchestrationStatus.ContinuedAsNew];

    public async Task<InstanceSnapshot?> GetAsync(string instanceId, CancellationToken cancellationToken)
    {
        var state = await host.Client.GetOrchestrationStateAsync(instanceId);
        return state is null
            ? null
            : new InstanceSnapshot(instanceId, Map(state.OrchestrationStatus), new DateTimeOffset(DateTime.SpecifyKind(state.CreatedTime, DateTimeKind.Utc)), state.Output);
    }

    public Task<bool> TryStartAsync(string instanceId, SyncOrderInput input, CancellationToken cancellationToken) =>
        TryStartAsync(SyncTasks.SyncOrder.Name, instanceId, input);

    public Task<bool> TryStartBatchAsync(string instanceId, SyncBatchInput input, CancellationToken cancellationToken) =>
        TryStartAsync(SyncTasks.SyncBatch.Name, instanceId, input);

    private async Task<bool> TryStartAsync(string orchestration, string instanceId, object input)
    {
        try
        {
            await host.Client.CreateOrchestrationInstanceAsync(orchestration, string.Empty, instanceId, input, tags: null, dedupeStatuses: RunningStatuses);
            return true;
        }
        catch (OrchestrationAlreadyExistsException)
        {
            return false;
        }
    }

    private static InstanceRuntimeStatus Map(OrchestrationStatus status) => status switch
    {
        OrchestrationStatus.Pending => InstanceRuntimeStatus.Pending,
        OrchestrationStatus.Running or OrchestrationStatus.ContinuedAsNew => InstanceRuntimeStatus.Running,
        OrchestrationStatus.Completed => InstanceRuntimeStatus.Completed,
        OrchestrationStatus.Failed => InstanceRuntimeStatus.Failed,
        OrchestrationStatus.Terminated or OrchestrationStatus.Canceled => InstanceRuntimeStatus.Terminated,
        _ => InstanceRuntimeStatus.Other,
    };
}
