using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using ServerlessSync.Pipeline.Storage;

namespace ServerlessSync.Pipeline.Erp;

/// <summary>
/// Makes the ERP's limits (<c>Erp:{Kind}:MaxCallsPerSecond</c> and <c>MaxConcurrency</c>, the ERP's totals) hold when the
/// app runs as several processes. Only processes that call the ERP share them: a process joins right before its first
/// ERP call (the governor waits for the join), then writes a heartbeat row per ERP every <see cref="Heartbeat"/>, counts
/// the rows seen within <see cref="Expiry"/>, and gives its governor that share. After <see cref="LeaveWhenIdleFor"/>
/// without an ERP call, or when it stops, it deletes its row and the others' shares grow back; a process that dies
/// stops counting after <see cref="Expiry"/>. On Flex Consumption the HTTP, queue and timer functions scale on
/// instances of their own and never call the ERP, so they never take a share (docs/erp-governor.md).
/// </summary>
public sealed class GovernorMembership : BackgroundService
{
    public const string TableName = "GovernorMembers";
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(35);
    public static readonly TimeSpan LeaveWhenIdleFor = TimeSpan.FromMinutes(2);

    private readonly string memberId = $"{Environment.ProcessId}-{Guid.NewGuid():N}";
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly ErpGovernor governor;
    private readonly StorageClients storage;
    private readonly TimeProvider clock;
    private readonly ILogger<GovernorMembership> logger;
    private readonly string erp;
    private bool member;

    public GovernorMembership(ErpGovernor governor, StorageClients storage, IConfiguration configuration, TimeProvider clock, ILogger<GovernorMembership> logger)
    {
        this.governor = governor;
        this.storage = storage;
        this.clock = clock;
        this.logger = logger;
        erp = ErpKindSetting.Of(configuration);
        governor.JoinBeforeCalling(JoinAsync);
    }

    /// <summary>Whether this process currently counts among the ERP's callers.</summary>
    public bool IsMember => Volatile.Read(ref member);

    /// <summary>Writes this process's heartbeat, counts the live members and takes this process's share. Returns the count.</summary>
    public async Task<int> BeatAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await BeatHeldAsync(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// One heartbeat: a member that has not called the ERP for <paramref name="idleLimit"/> leaves, another member beats,
    /// and a process that is no member (never called the ERP, or left) writes nothing.
    /// </summary>
    public async Task TickAsync(TimeSpan idleLimit, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (!member)
            {
                return;
            }

            if (governor.IdleFor >= idleLimit)
            {
                await LeaveHeldAsync(cancellationToken);
            }
            else
            {
                await BeatHeldAsync(cancellationToken);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (!IsMember)
        {
            return;
        }

        try
        {
            await gate.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException ex)
        {
            // The host's shutdown time ran out: the row expires by itself after Expiry.
            logger.LogWarning(ex, "No time left to remove this worker from the {Erp} governor members on stop", erp);
            return;
        }

        try
        {
            if (member)
            {
                await LeaveHeldAsync(cancellationToken);
            }
        }
        catch (Exception ex) when (ex is RequestFailedException or OperationCanceledException || TransientInfrastructure.IsTransient(ex))
        {
            // The row expires by itself after Expiry; the others only wait that much longer for their full share.
            logger.LogWarning(ex, "Could not remove this worker from the {Erp} governor members on stop", erp);
        }
        finally
        {
            gate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Heartbeat);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await TickOrKeepShareAsync(stoppingToken);
        }
    }

    /// <summary>
    /// One heartbeat. Any failure but the host stopping is logged and the next tick tries again: a storage outage (the
    /// SDK reports exhausted retries as an AggregateException) must neither stop the host, as an exception escaping a
    /// BackgroundService does, nor multiply the pace toward the ERP, so the last share is kept.
    /// </summary>
    public async Task TickOrKeepShareAsync(CancellationToken stoppingToken)
    {
        try
        {
            await TickAsync(LeaveWhenIdleFor, stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Governor heartbeat failed; keeping the current share of the ERP's limits");
        }
    }

    private async Task JoinAsync(CancellationToken cancellationToken)
    {
        try
        {
            var members = await BeatAsync(cancellationToken);
            logger.LogInformation("This worker calls {Erp} and joined its governor members ({Members} now)", erp, members);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && TransientInfrastructure.IsTransient(ex))
        {
            // Calling without knowing the others could multiply the pace: the call fails transiently and is retried.
            throw new ErpTransientException("Could not join the workers sharing the ERP's limits; the call will be retried.", ex);
        }
    }

    private async Task<int> BeatHeldAsync(CancellationToken cancellationToken)
    {
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
        Volatile.Write(ref member, true);
        return live;
    }

    private async Task LeaveHeldAsync(CancellationToken cancellationToken)
    {
        governor.LeftMembers();
        Volatile.Write(ref member, false);
        var table = await storage.TableAsync(TableName);
        await table.DeleteEntityAsync(erp, memberId, ETag.All, cancellationToken);
        logger.LogInformation("This worker has not called {Erp} for a while and left its governor members", erp);
    }

    public override void Dispose()
    {
        gate.Dispose();
        base.Dispose();
    }
}
