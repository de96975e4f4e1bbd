using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServerlessSync.Domain.Platforms;
using ServerlessSync.Pipeline.Intake;
using ServerlessSync.Pipeline.Ports;

namespace ServerlessSync.Pipeline.Pull;

public sealed record PullResult(string Platform, string ShopId, int Windows, int Pages, int Listed, int Enqueued, DateTimeOffset Watermark);

/// <summary>
/// Pull half of intake: for every shop, lists orders updated since its watermark (minus an overlap), in the
/// platform's window size, page by page, and commits each page to the intake queue exactly like a push (the
/// consumer's Inbox insert drops what was seen before). The watermark moves only after a whole window is durable, so a crash repeats a window instead of
/// skipping one. Pulled and pushed events of the same order meet in one orchestration instance id.
/// </summary>
public sealed class PullService(
    IEnumerable<IPlatformOrderLister> listers,
    WatermarkStore watermarks,
    IntakeCommitter intake,
    PulledOrdersMemory memory,
    IConfiguration configuration,
    IOptions<PullOptions> options,
    TimeProvider clock,
    ILogger<PullService> logger)
{
    public async Task<IReadOnlyList<PullResult>> PullAllAsync(CancellationToken cancellationToken)
    {
        var results = new List<PullResult>();
        foreach (var lister in listers)
        {
            foreach (var shopId in PulledShops.For(configuration, lister.Platform))
            {
                results.Add(await PullShopAsync(lister, shopId, cancellationToken));
            }
        }

        return results;
    }

    public async Task<PullResult> PullShopAsync(IPlatformOrderLister lister, string shopId, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        var watermark = await watermarks.GetAsync(lister.Platform, shopId, cancellationToken) ?? now.AddMinutes(-o.InitialLookbackMinutes);
        var from = watermark.AddSeconds(-o.OverlapSeconds);
        var to = now.AddSeconds(-o.SettleSeconds);
        int windows = 0, pages = 0, listed = 0, enqueued = 0;
        foreach (var (start, end) in PullWindows.Split(from, to, lister.MaxWindow))
        {
            string? cursor = null;
            do
            {
                if (++pages > o.MaxPagesPerRun)
                {
                    logger.LogWarning("Pull of {Platform}:{ShopId} stopped after {Pages} pages; the watermark stays at {Watermark}", lister.Platform, shopId, o.MaxPagesPerRun, watermark);
                    return new PullResult(lister.Platform, shopId, windows, pages - 1, listed, enqueued, watermark);
                }

                var page = await lister.ListChangedAsync(shopId, start, end, cursor, cancellationToken);
                listed += page.Orders.Count;
                var fresh = page.Orders.Where(o => !memory.AlreadyEnqueued(lister.Platform, shopId, o.OrderId, o.UpdatedAt)).ToList();
                var messages = fresh.Select(order => new InboundMessage(
                    new OrderEvent(lister.Platform, shopId, order.OrderId, "pull", order.UpdatedAt, $"pull-{order.UpdatedAt.ToUnixTimeMilliseconds()}"),
                    "{}")).ToList();
                await intake.CommitAsync(messages, cancellationToken);
                enqueued += messages.Count;
                foreach (var order in fresh)
                {
                    memory.Remember(lister.Platform, shopId, order.OrderId, order.UpdatedAt);
                }

                cursor = page.NextCursor;
            }
            while (cursor is not null);

            windows++;
            watermark = end > watermark ? end : watermark;
            await watermarks.SetAsync(lister.Platform, shopId, watermark, cancellationToken);
        }

        logger.LogInformation("Pulled {Platform}:{ShopId}: {Listed} changed orders, {Enqueued} events enqueued, watermark {Watermark}", lister.Platform, shopId, listed, enqueued, watermark);
        return new PullResult(lister.Platform, shopId, windows, pages, listed, enqueued, watermark);
    }
}
