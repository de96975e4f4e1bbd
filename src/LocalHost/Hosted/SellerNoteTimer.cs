using Microsoft.Extensions.Options;
using ServerlessSync.Pipeline.SellerNotes;

namespace ServerlessSync.LocalHost.Hosted;

/// <summary>
/// The local stand-in for the Functions seller-note timer: every <c>SellerNotes:IntervalSeconds</c> it works the queue of
/// ERP numbers to write to the platform orders. A failed run is logged; the queued notes wait for the next tick.
/// </summary>
public sealed class SellerNoteTimer(IServiceProvider services, IOptions<SellerNoteOptions> options, ILogger<SellerNoteTimer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.IntervalSeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                // Resolved per tick so the platform clients' HttpClients rotate as IHttpClientFactory intends.
                await services.GetRequiredService<SellerNoteWriteBack>().RunAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Seller-note run failed; the queued notes are tried again on the next tick");
            }
        }
    }
}
