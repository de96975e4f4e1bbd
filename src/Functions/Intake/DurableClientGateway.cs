using DurableTask.Core.Exceptions;
using Grpc.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using ServerlessSync.Pipeline.Ports;
using ServerlessSync.Pipeline.Storage;
using ServerlessSync.Pipeline.Sync.Start;
using ServerlessSync.Pipeline.Sync;
using ServerlessSync.Pipeline.Sync.Batch;

namespace ServerlessSync.Functions.Intake;

/// <summary>
/// Starts and inspects SyncOrder and SyncBatch instances through a <see cref="DurableTaskClient"/>: in Azure the client the
/// Functions host binds to <c>[DurableClient]</c>, in tests any real client (e.g. the in-process test host's).
/// </summary>
public sealed class DurableClientGateway(DurableTaskClient client) : IOrchestrationGateway, ISyncBatchGateway
{
    /// <summary>
    /// Statuses under which an existing instance blocks a new start (the start throws
    /// <see cref="OrchestrationAlreadyExistsException"/>): the instance has not finished. An instance that finished
    /// (Completed, Failed, Terminated) is replaced by the new run, which is what a level-triggered sync wants.
    /// Statuses left out of this list are replaced, and a live instance would be terminated first, so every
    /// not-yet-finished status must be here.
    /// </summary>
    public static readonly OrchestrationRuntimeStatus[] BlockingStatuses =
    [
        OrchestrationRuntimeStatus.Pending,
        OrchestrationRuntimeStatus.Running,
        OrchestrationRuntimeStatus.Suspended,
    ];

    /// <summary>gRPC answers from the host's Durable extension that mean "not now": unreachable, overloaded or too slow.</summary>
    private static readonly StatusCode[] UnavailableCodes = [StatusCode.Unavailable, StatusCode.DeadlineExceeded, StatusCode.ResourceExhausted, StatusCode.Aborted];

    public async Task<InstanceSnapshot?> GetAsync(string instanceId, CancellationToken cancellationToken)
    {
        OrchestrationMetadata? metadata;
        try
        {
            metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        }
        catch (RpcException ex) when (UnavailableCodes.Contains(ex.StatusCode))
        {
            throw new OrchestrationEngineUnavailableException($"The Durable engine did not answer for {instanceId} ({ex.StatusCode}).", ex);
        }

        return metadata is null
            ? null
            : new InstanceSnapshot(metadata.InstanceId, Map(metadata.RuntimeStatus), metadata.CreatedAt, metadata.SerializedOutput);
    }

    public Task<bool> TryStartAsync(string instanceId, SyncOrderInput input, CancellationToken cancellationToken) =>
        TryStartAsync(SyncTasks.SyncOrder.Name, instanceId, input, cancellationToken);

    public Task<bool> TryStartBatchAsync(string instanceId, SyncBatchInput input, CancellationToken cancellationToken) =>
        TryStartAsync(SyncTasks.SyncBatch.Name, instanceId, input, cancellationToken);

    private async Task<bool> TryStartAsync(string orchestration, string instanceId, object input, CancellationToken cancellationToken)
    {
        var options = new StartOrchestrationOptions(instanceId).WithDedupeStatuses(BlockingStatuses);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(orchestration, input, options, cancellationToken);
            return true;
        }
        catch (OrchestrationAlreadyExistsException)
        {
            return false;
        }
        catch (RpcException ex) when (UnavailableCodes.Contains(ex.StatusCode))
        {
            throw new OrchestrationEngineUnavailableException($"The Durable engine did not start {instanceId} ({ex.StatusCode}).", ex);
        }
    }

    public static InstanceRuntimeStatus Map(OrchestrationRuntimeStatus status) => status switch
    {
        OrchestrationRuntimeStatus.Pending => InstanceRuntimeStatus.Pending,
        OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended => InstanceRuntimeStatus.Running,
        OrchestrationRuntimeStatus.Completed => InstanceRuntimeStatus.Completed,
        OrchestrationRuntimeStatus.Failed => InstanceRuntimeStatus.Failed,
#pragma warning disable CS0618 // ContinuedAsNew and Canceled are obsolete, but a backend may still report them.
        OrchestrationRuntimeStatus.ContinuedAsNew => InstanceRuntimeStatus.Running,
        OrchestrationRuntimeStatus.Terminated or OrchestrationRuntimeStatus.Canceled => InstanceRuntimeStatus.Terminated,
#pragma warning restore CS0618
        _ => InstanceRuntimeStatus.Other,
    };
}
