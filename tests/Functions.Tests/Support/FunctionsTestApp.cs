using Azure.Data.Tables;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;

namespace ServerlessSync.Functions.Tests.Support;

/// <summary>
/// The Functions app's services exactly as Program registers them (<see cref="FunctionsServices.AddServerlessSyncFunctions"/>,
/// minus Application Insights), on Azurite with a table prefix and intake queue unique to one test. Function classes
/// are created the way the worker creates them: <see cref="ActivatorUtilities"/> over the invocation's services.
/// </summary>
public sealed class FunctionsTestApp : IAsyncDisposable
{
    public const string DouyinAppKey = "test-douyin-app-key";
    public const string DouyinAppSecret = "test-douyin-app-secret";

    private readonly ServiceProvider provider;

    private FunctionsTestApp(ServiceProvider provider, string prefix, IConfiguration configuration)
    {
        this.provider = provider;
        Prefix = prefix;
        Configuration = configuration;
    }

    public string Prefix { get; }

    public IConfiguration Configuration { get; }

    public IServiceProvider Services => provider;

    public StorageClients Storage => provider.GetRequiredService<StorageClients>();

    public static async Task<FunctionsTestApp> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var connection = await Azurite.EnsureRunningAsync();
        var prefix = Azurite.UniqueName("f");
        var values = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = connection,
            ["Storage:TablePrefix"] = prefix,
            ["Storage:IntakeQueueName"] = prefix + "-intake",
            ["Platforms:Douyin:AppKey"] = DouyinAppKey,
            ["Platforms:Douyin:AppSecret"] = DouyinAppSecret,
            ["Intake:BusyRetryDelaySeconds"] = "2",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddServerlessSyncFunctions(configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new FunctionsTestApp(provider, prefix, configuration);
    }

    /// <summary>A function class as the worker activates it for one invocation.</summary>
    public T Create<T>() => ActivatorUtilities.CreateInstance<T>(provider);

    public object Create(Type type) => ActivatorUtilities.CreateInstance(provider, type);

    public T Service<T>() where T : notnull => provider.GetRequiredService<T>();

    /// <summary>The invocation context the queue trigger gets on a message's <paramref name="dequeueCount"/>th delivery.</summary>
    public TestFunctionContext QueueTry(long dequeueCount) => TestFunctionContext.QueueTrigger(provider, "StartSyncOrder", dequeueCount);

    public Task<TableClient> TableAsync(string name) => Storage.TableAsync(name);

    public Task<QueueClient> IntakeQueueAsync() => Storage.QueueAsync(Storage.IntakeQueueName);

    public async Task<IReadOnlyList<TableEntity>> RowsAsync(string table)
    {
        var client = await TableAsync(table);
        var rows = new List<TableEntity>();
        await foreach (var row in client.QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Messages visible on the intake queue now (peek: they stay there).</summary>
    public async Task<IReadOnlyList<PeekedMessage>> PeekIntakeAsync()
    {
        var queue = await IntakeQueueAsync();
        return (await queue.PeekMessagesAsync(32)).Value;
    }

    /// <summary>Names of the intake bodies blobs (the claim check of each batch).</summary>
    public async Task<IReadOnlyList<string>> IntakeBodyBlobsAsync()
    {
        var container = await Storage.ContainerAsync(IntakeQueueNames.Bodies(Storage.IntakeQueueName));
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        return names;
    }

    /// <summary>Puts a single event on the intake queue the way a busy re-queue or a resync does and returns its text.</summary>
    public async Task<string> EnqueueAsync(IntakeMessage message)
    {
        await Service<IntakeQueue>().EnqueueAsync(message);
        return message.ToJson();
    }

    public async ValueTask DisposeAsync()
    {
        if (Configuration["Storage:ConnectionString"] != Azurite.ConnectionString)
        {
            await provider.DisposeAsync();
            return;
        }

        var queues = new[] { Storage.IntakeQueueName, IntakeQueueNames.Poison(Storage.IntakeQueueName) };
        try
        {
            foreach (var name in queues)
            {
                await (await Storage.QueueAsync(name)).DeleteIfExistsAsync();
            }

            await (await Storage.ContainerAsync(IntakeQueueNames.Bodies(Storage.IntakeQueueName))).DeleteIfExistsAsync();
        }
        catch (Azure.RequestFailedException)
        {
            // Azurite runs in memory for the test run; leftovers are harmless.
        }

        await provider.DisposeAsync();
    }
}
