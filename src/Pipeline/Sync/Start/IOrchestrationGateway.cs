using ServerlessSync.Pipeline.Sync;

namespace ServerlessSync.Pipeline.Sync.Start;

public enum InstanceRuntimeStatus { Pending, Running, Completed, Failed, Terminated, Other }

public sealed record InstanceSnapshot(string InstanceId, InstanceRuntimeStatus Status, DateTimeOffset CreatedAt, string? Output);

/// <summary>
/// Starts and inspects SyncOrder instances. Functions implements it with DurableTaskClient, LocalHost with
/// the Durable Task Framework's TaskHubClient.
/// </summary>
public interface IOrchestrationGateway
{
    Task<InstanceSnapshot?> GetAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Starts SyncOrder under <paramref name="instanceId"/>; returns false when an instance with that id is pending or running.</summary>
    Task<bool> TryStartAsync(string instanceId, SyncOrderInput input, CancellationToken cancellationToken);
}
