using Azure.Storage.Queues;
using ServerlessSync.Pipeline.Storage;

namespace ServerlessSync.LocalHost.Durable;

/// <summary>
/// How many messages wait in the task hub's control and work-item queues: roughly the orchestrations in flight.
/// The intake poller starts new orchestrations only while this stays under a limit (<see cref="Hosted.StartAdmission"/>),
/// so a flood waits in the cheap intake queue instead of in the engine's queues, where every message makes every
/// poll of the storage emulator slower (Azurite scans its whole message collection on each read).
/// </summary>
public sealed class TaskHubBacklog(IOptions<DurableTaskOptions> options, IOptions<StorageOptions> storage, TimeProvider clock)
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromMilliseconds(500);
    private readonly SemaphoreSlim refreshing = new(1, 1);
    private IReadOnlyList<QueueClient>? queues;
    private DateTimeOffset readAt = DateTimeOffset.MinValue;
    private int lastCount;

    /// <summary>Messages in the hub's queues, read at most every 500 ms.</summary>
    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        if (clock.GetUtcNow() - readAt < RefreshEvery)
        {
            return lastCount;
        }

        await refreshing.WaitAsync(cancellationToken);
        try
        {
            if (clock.GetUtcNow() - readAt >= RefreshEvery)
            {
                var counts = await Task.WhenAll(Queues().Select(q => CountOneAsync(q, cancellationToken)));
                lastCount = counts.Sum();
                readAt = clock.GetUtcNow();
            }

            return lastCount;
        }
        finally
        {
            refreshing.Release();
        }
    }

    private static async Task<int> CountOneAsync(QueueClient queue, CancellationToken cancellationToken)
    {
        try
        {
            return (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            return 0; // the hub has not created this queue yet
        }
    }

    private IReadOnlyList<QueueClient> Queues()
    {
        if (queues is not null)
        {
            return queues;
        }

        var o = options.Value;
        var connection = o.ConnectionStringOr(storage.Value);

        // The Azure Storage backend's queue names: "{hub}-control-00".."{hub}-control-NN" and "{hub}-workitems", lower case.
        var hub = o.HubName.ToLowerInvariant();
        var names = Enumerable.Range(0, o.PartitionCount).Select(p => $"{hub}-control-{p:00}").Append($"{hub}-workitems");
        // No retries: the count is read again at the next check anyway, and while the hub's storage is down the SDK's
        // default retries (about 25 s) would only hold back the poller that StartAdmission lets go meanwhile.
        var noRetries = new QueueClientOptions { Retry = { MaxRetries = 0 } };
        return queues = names.Select(n => new QueueClient(connection, n, noRetries)).ToList();
    }
}
