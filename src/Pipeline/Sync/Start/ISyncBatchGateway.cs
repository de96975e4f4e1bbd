using ServerlessSync.Pipeline.Sync.Batch;

namespace ServerlessSync.Pipeline.Sync.Start;

/// <summary>Starts SyncBatch runs: Functions with DurableTaskClient, LocalHost with the Durable Task Framework's TaskHubClient.</summary>
public interface ISyncBatchGateway
{
    /// <summary>Starts SyncBatch under <paramref name="instanceId"/>; returns false when an instance with that id is pending or running.</summary>
    Task<bool> TryStartBatchAsync(string instanceId, SyncBatchInput input, CancellationToken cancellationToken);
}
