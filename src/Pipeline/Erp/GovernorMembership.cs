using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ServerlessSync.Pipeline.Storage;

namespace ServerlessSync.Pipeline.Erp;

/// <summary>
/// Makes the ERP's limits hold when the app runs as several processes (Functions scaled out, or several LocalHost
/// workers): every process writes a heartbeat row per ERP every <see cref="Heartbeat"/>, counts the rows seen
/// within <see cref="Expiry"/>, and gives its governor that share of the calls per second and concurrency.
/// A process that dies stops counting after <see cref="Expiry"/>, and the others' shares grow back.
/// </summary>
public sealed class GovernorMembership(ErpGovernor governor, StorageClients storage, IConfiguration configuration, TimeProvider clock, ILogger<GovernorMembership> logger) : BackgroundService
{
    public const string TableName = "GovernorMembers";
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(35);

    private readonly string memberId = $"{Environment.ProcessId}-{Guid.NewGuid():N}";

    public async Task<int> BeatAsync(CancellationToken cancellationToken)
    {
        var erp = configuration["Erp:Kind"] ?? "Kingdee";
        var table = await storage.TableAsync(TableName);
        var now = clock.GetUtcNow();
        await table.UpsertEntityAsync(new TableEntity(erp, memberId) { ["LastSeen"] = now }, TableUpdateMode.Replace, cancellationToken);
        var live = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(x => x.PartitionKey == erp, select: ["RowKey", "LastSeen"], cancellationToken: cancellationToken))
        {
            if (row.GetDateTimeOffset("LastSeen") is { } seen && now - seen < Expiry)
            {
                live++;
            }
        }

        if (live != governor.Members)
        {
            logger.LogInformation("{Members} worker(s) share the {Erp} limits; this one now takes {Rate:0.##} calls/s and {Concurrency} at once", live, erp, governor.Options.MaxCallsPerSecond / Math.Max(1, live), Math.Max(1, governor.Options.MaxConcurrency / Math.Max(1, live)));
        }

        governor.ShareWith(live);
        return live;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Heartbeat);
        do
        {
            try
            {
                await BeatAsync(stoppingToken);
            }
            catch (Azure.RequestFailedException ex)
            {
                // Keep the last share: a storage blip must not multiply the pace toward the ERP.
                logger.LogWarning(ex, "Governor heartbeat failed; keeping the current share of the ERP's limits");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
