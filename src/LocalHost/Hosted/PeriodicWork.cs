namespace ServerlessSync.LocalHost.Hosted;

/// <summary>
/// The local stand-in for a Functions timer: every <paramref name="interval"/> it runs <see cref="RunOnceAsync"/> with
/// services resolved for that tick (so platform clients' HttpClients rotate as IHttpClientFactory intends). A failed run
/// is logged; its work waits for the next tick.
/// </summary>
public abstract class PeriodicWork(IServiceProvider services, TimeSpan interval, ILogger logger) : BackgroundService
{
    /// <summary>What a failed run leaves for the next tick, for the log.</summary>
    protected abstract string WhatWaits { get; }

    protected abstract Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(services, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "{Work} run failed; {WhatWaits} on the next tick", GetType().Name, WhatWaits);
            }
        }
    }
}
