namespace ServerlessSync.LocalHost.Hosted;

/// <summary>
/// The local stand-in for the Functions timer trigger that pulls orders changed since each shop's watermark.
/// Pull adapters arrive with the platforms issue; until then the timer reports that pull is not configured.
/// </summary>
public sealed class PullTimer(IConfiguration configuration, ILogger<PullTimer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(configuration.GetValue("Pull:IntervalSeconds", 60));
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            logger.LogInformation("Pull tick: no pull adapter is configured yet; push intake only");
        }
    }
}
