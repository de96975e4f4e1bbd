using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace ServerlessSync.Pipeline.Storage;

/// <summary>Creates table, queue and blob container clients from <see cref="StorageOptions"/>, creating each on first use.</summary>
public sealed class StorageClients
{
    private readonly StorageOptions options;
    private readonly TableServiceClient tables;
    private readonly QueueServiceClient queues;
    private readonly BlobServiceClient blobs;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<TableClient>>> tableCache = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<QueueClient>>> queueCache = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<BlobContainerClient>>> containerCache = new();

    public StorageClients(IOptions<StorageOptions> options)
    {
        this.options = options.Value;
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        if (!string.IsNullOrWhiteSpace(this.options.ConnectionString))
        {
            tables = new TableServiceClient(this.options.ConnectionString);
            queues = new QueueServiceClient(this.options.ConnectionString, queueOptions);
            blobs = new BlobServiceClient(this.options.ConnectionString);
        }
        else if (this.options.TableServiceUri is not null && this.options.QueueServiceUri is not null && this.options.BlobServiceUri is not null)
        {
            var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions
            {
                ManagedIdentityClientId = this.options.ManagedIdentityClientId,
            });
            tables = new TableServiceClient(this.options.TableServiceUri, credential);
            queues = new QueueServiceClient(this.options.QueueServiceUri, credential, queueOptions);
            blobs = new BlobServiceClient(this.options.BlobServiceUri, credential);
        }
        else
        {
            throw new InvalidOperationException(
                "Storage is not configured: set Storage:ConnectionString, or Storage:TableServiceUri, Storage:QueueServiceUri and Storage:BlobServiceUri for managed identity.");
        }
    }

    public string IntakeQueueName => options.IntakeQueueName;

    public Task<TableClient> TableAsync(string name) =>
        GetOrCreateAsync(tableCache, name, async n =>
        {
            var client = tables.GetTableClient(options.TablePrefix + n);
            await client.CreateIfNotExistsAsync();
            return client;
        });

    public Task<QueueClient> QueueAsync(string name) =>
        GetOrCreateAsync(queueCache, name, async n =>
        {
            var client = queues.GetQueueClient(n);
            await client.CreateIfNotExistsAsync();
            return client;
        });

    public Task<BlobContainerClient> ContainerAsync(string name) =>
        GetOrCreateAsync(containerCache, name, async n =>
        {
            var client = blobs.GetBlobContainerClient(n);
            await client.CreateIfNotExistsAsync();
            return client;
        });

    /// <summary>
    /// Creates each table, queue or container once per process. A creation that failed (storage briefly unreachable, a
    /// throttled call) is forgotten, so the next caller tries again instead of getting the same failure forever.
    /// </summary>
    private static async Task<T> GetOrCreateAsync<T>(System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<T>>> cache, string name, Func<string, Task<T>> create)
    {
        var entry = cache.GetOrAdd(name, n => new Lazy<Task<T>>(() => create(n)));
        try
        {
            return await entry.Value;
        }
        catch
        {
            cache.TryRemove(new KeyValuePair<string, Lazy<Task<T>>>(name, entry));
            throw;
        }
    }
}
