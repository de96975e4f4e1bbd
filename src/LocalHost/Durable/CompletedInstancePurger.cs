using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using ServerlessSync.Pipeline.Storage;

namespace ServerlessSync.LocalHost.Durable;

/// <summary>
/// Deletes the task-hub history of SyncOrder runs that finished more than <c>DurableTask:PurgeCompletedAfterSeconds</c>
/// ago, every <c>DurableTask:PurgeIntervalSeconds</c>. The ledger keeps each order's own history, so nothing a person
/// reads is lost. On Azurite this keeps the engine fast: the emulator answers every History and Instances query by
/// scanning the whole table, so a table holding every past run makes each new run slower (docs/benchmarks.md).
/// </summary>
/// <remarks>
/// Worker processes sharing the hub take turns through a blob lease, so two of them never purge the same run at once.
/// A run purged early is harmless: the next event of that order starts a fresh run, which finds the order synced.
/// </remarks>
public sealed partial class CompletedInstancePurger(
    DurableTaskHost host,
    IOptions<DurableTaskOptions> options,
    IOptions<StorageOptions> storage,
    TimeProvider clock,
    ILogger<CompletedInstancePurger> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (o.PurgeCompletedAfterSeconds <= 0)
        {
            LogDisabled(logger);
            return;
        }

        var retention = TimeSpan.FromSeconds(o.PurgeCompletedAfterSeconds);
        var interval = TimeSpan.FromSeconds(Math.Max(1, o.PurgeIntervalSeconds));
        var lease = await LeaseBlobAsync(o, stoppingToken);
        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PurgeOnceAsync(lease, retention, interval, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPurgeFailed(logger, ex);
            }
        }
    }

    private async Task PurgeOnceAsync(BlobClient leaseBlob, TimeSpan retention, TimeSpan interval, CancellationToken cancellationToken)
    {
        var leaseClient = leaseBlob.GetBlobLeaseClient();
        try
        {
            // The lease outlives one round comfortably; it is released as soon as the round ends.
            await leaseClient.AcquireAsync(TimeSpan.FromSeconds(60), cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            LogAnotherWorkerPurges(logger);
            return;
        }

        try
        {
            var result = await host.PurgeFinishedAsync(clock.GetUtcNow().UtcDateTime - retention);
            if (result.InstancesDeleted > 0)
            {
                LogPurged(logger, result.InstancesDeleted, result.RowsDeleted, retention.TotalSeconds);
            }
        }
        finally
        {
            await leaseClient.ReleaseAsync(cancellationToken: CancellationToken.None);
        }
    }

    private async Task<BlobClient> LeaseBlobAsync(DurableTaskOptions o, CancellationToken cancellationToken)
    {
        var connection = o.ConnectionStringOr(storage.Value);
        var container = new BlobContainerClient(connection, $"{o.HubName.ToLowerInvariant()}-purger");
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var blob = container.GetBlobClient("lease");
        try
        {
            await blob.UploadAsync(BinaryData.FromString("purger lease"), overwrite: false, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Another worker created it first, or it is leased right now: either way it exists.
        }

        return blob;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged the task-hub history of {Instances} finished runs ({Rows} rows) older than {RetentionSeconds} s")]
    private static partial void LogPurged(ILogger logger, int instances, int rows, double retentionSeconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Another worker is purging finished runs; this round is skipped")]
    private static partial void LogAnotherWorkerPurges(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Purging finished runs is off (DurableTask:PurgeCompletedAfterSeconds is 0)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging finished runs failed; the next round tries again")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception);
}
