using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using ServerlessSync.Pipeline.Storage;
using ServerlessSync.Pipeline.Sync;

namespace ServerlessSync.LocalHost.Durable;

/// <summary>
/// Runs the pipeline's TaskOrchestrator/TaskActivity classes on the Durable Task Framework with the Azure
/// Storage backend, through DurableTaskShimFactory: the same classes the Functions host runs.
/// </summary>
public sealed class DurableTaskHost : IHostedService, IAsyncDisposable
{
    private static readonly OrchestrationStatus[] FinishedStatuses =
        [OrchestrationStatus.Completed, OrchestrationStatus.Failed, OrchestrationStatus.Terminated, OrchestrationStatus.Canceled];

    private readonly IServiceProvider services;
    private readonly ILoggerFactory loggerFactory;
    private readonly AzureStorageOrchestrationService orchestrationService;
    private TaskHubWorker? worker;

    public DurableTaskHost(IServiceProvider services, IOptions<DurableTaskOptions> options, IOptions<StorageOptions> storage, ILoggerFactory loggerFactory)
    {
        this.services = services;
        this.loggerFactory = loggerFactory;
        var o = options.Value;
        var connectionString = o.ConnectionStringOr(storage.Value);
        orchestrationService = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = o.HubName,
            StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
            PartitionCount = o.PartitionCount,
            MaxConcurrentTaskActivityWorkItems = o.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = o.MaxConcurrentOrchestrations,
            MaxQueuePollingInterval = TimeSpan.FromMilliseconds(o.MaxQueuePollingIntervalMs),
            WorkerId = $"{Environment.MachineName}-{Environment.ProcessId}",
            ThrowExceptionOnInvalidDedupeStatus = true,
            ExtendedSessionsEnabled = o.ExtendedSessions,
            ExtendedSessionIdleTimeout = TimeSpan.FromSeconds(30),
            ControlQueueBatchSize = o.ControlQueueBatchSize,
            ControlQueueVisibilityTimeout = TimeSpan.FromSeconds(o.MessageVisibilityTimeoutSeconds),
            WorkItemQueueVisibilityTimeout = TimeSpan.FromSeconds(o.MessageVisibilityTimeoutSeconds),
            LoggerFactory = loggerFactory,
        });
        Client = new TaskHubClient(orchestrationService, new SystemTextJsonDataConverter(), loggerFactory);
    }

    public TaskHubClient Client { get; }

    /// <summary>Deletes the history and instance rows of runs created before <paramref name="createdBefore"/> that have finished.</summary>
    public Task<PurgeHistoryResult> PurgeFinishedAsync(DateTime createdBefore) =>
        orchestrationService.PurgeInstanceHistoryAsync(DateTime.UnixEpoch, createdBefore, FinishedStatuses);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await orchestrationService.CreateIfNotExistsAsync();
        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions(), loggerFactory);
        worker = new TaskHubWorker(orchestrationService, loggerFactory);
        foreach (var task in SyncTasks.Orchestrations)
        {
            worker.AddTaskOrchestrations(new ShimObjectCreator<TaskOrchestration>(
                task.Name, () => shims.CreateOrchestration(task.Name, (ITaskOrchestrator)services.GetRequiredService(task.Implementation), parent: null)));
        }

        foreach (var task in SyncTasks.Activities)
        {
            worker.AddTaskActivities(new ShimObjectCreator<TaskActivity>(
                task.Name, () => shims.CreateActivity(task.Name, (ITaskActivity)services.GetRequiredService(task.Implementation))));
        }

        await worker.StartAsync();
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (worker is not null)
        {
            await worker.StopAsync(isForced: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (worker is not null)
        {
            await worker.StopAsync(isForced: true);
            worker.Dispose();
            worker = null;
        }
    }
}
