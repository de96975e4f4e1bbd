using ServerlessSync.Pipeline.Intake;
using ServerlessSync.Pipeline.Pull;

namespace ServerlessSync.LocalHost.Hosted;

/// <summary>
/// The local stand-in for the Functions timer trigger: every <c>Pull:IntervalSeconds</c> it pulls each configured
/// shop's changed orders, after replaying the pushes held for shops that were not configured and now are. A failed run
/// is logged and the next tick tries again from the unchanged watermark.
/// </summary>
public sealed class PullTimer(IServiceProvider services, IConfiguration configuration, ILogger<PullTimer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Pull:IntervalSeconds", 60)));
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await services.GetRequiredService<HeldPushes>().ReplayAsync(stoppingToken);

                // Resolved per tick so the platform listers' HttpClients rotate as IHttpClientFactory intends.
                await services.GetRequiredService<PullService>().PullAllAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Pull run failed; the next tick retries from the stored watermarks");
            }
        }
    }
}
