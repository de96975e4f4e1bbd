namespace ServerlessSync.Bench;

/// <summary>
/// One emulated storage account for a run: an Azurite of its own behind counting relays for blob, queue and
/// table, so every request of every hub process is counted.
/// </summary>
public sealed class BenchStorage : IAsyncDisposable
{
    private readonly CountingProxy blobs;
    private readonly CountingProxy queues;
    private readonly CountingProxy tables;

    private BenchStorage(string name, AzuriteProcess azurite)
    {
        Name = name;
        Azurite = azurite;
        blobs = new CountingProxy(azurite.BlobPort);
        queues = new CountingProxy(azurite.QueuePort);
        tables = new CountingProxy(azurite.TablePort);
    }

    public string Name { get; }

    public AzuriteProcess Azurite { get; }

    /// <summary>The connection string through the counting relays, for the hub processes.</summary>
    public string ConnectionString => AzuriteProcess.ConnectionString(blobs.Port, queues.Port, tables.Port);

    public long BlobRequests => blobs.Requests;

    public long QueueRequests => queues.Requests;

    public long TableRequests => tables.Requests;

    /// <summary>Requests by method and resource across the three services, e.g. "GET History" or "DELETE workitems/messages".</summary>
    public IEnumerable<KeyValuePair<string, long>> RequestsByResource =>
        blobs.RequestsByResource.Concat(queues.RequestsByResource).Concat(tables.RequestsByResource);

    /// <summary>Starts counting requests from zero (after the bench's warm-up).</summary>
    public void ResetCounts()
    {
        blobs.ResetCounts();
        queues.ResetCounts();
        tables.ResetCounts();
    }

    public static async Task<BenchStorage> StartAsync(string name, string repositoryRoot, bool onDisk)
    {
        var azurite = new AzuriteProcess(repositoryRoot, onDisk);
        await azurite.StartAsync();
        return new BenchStorage(name, azurite);
    }

    public async ValueTask DisposeAsync()
    {
        await blobs.DisposeAsync();
        await queues.DisposeAsync();
        await tables.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}
