using Microsoft.Extensions.Configuration;
using ServerlessSync.Domain.Alerts;
using ServerlessSync.Domain.Platforms;
using ServerlessSync.Pipeline.Alerts;
using ServerlessSync.Pipeline.Intake;
using ServerlessSync.Pipeline.Ports;

namespace ServerlessSync.Pipeline.Pull;

/// <summary>One shop's pull: <see cref="Skipped"/> list entries it could not read (kept for a person); <see cref="Error"/> when the shop's pull failed (then its watermark did not move).</summary>
public sealed record PullResult(string Platform, string ShopId, int Windows, int Pages, int Listed, int Enqueued, DateTimeOffset Watermark, int Skipped = 0, string? Error = null);

/// <summary>
/// Pull half of intake: for every shop, lists orders updated since its watermark (minus an overlap), in the
/// platform's window size, page by page, and commits each page to the intake queue exactly like a push (the
/// consumer's Inbox insert drops what was seen before). The watermark moves only after a whole window is durable, so a crash repeats a window instead of
/// skipping one. Pulled and pushed events of the same order meet in one orchestration instance id.
/// One shop's failure (an expired token, a platform outage) is alerted for that shop alone and never stops the others; a
/// list entry that cannot be read is kept for a person (<see cref="SkippedListEntries"/>, durable before the watermark
/// passes it) and alerted, and the rest of its page is pulled.
/// </summary>
public sealed class PullService(
    IEnumerable<IPlatformOrderLister> listers,
    WatermarkStore watermarks,
    IntakeCommitter intake,
    EnqueuedOrderVersions memory,
    SkippedListEntries skippedEntries,
    AlertService alerts,
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
                try
                {
                    results.Add(await PullShopAsync(lister, shopId, cancellationToken));
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    logger.LogError(ex, "Pull of {Platform}:{ShopId} failed; its watermark stays and the other shops go on", lister.Platform, shopId);
                    results.Add(new PullResult(lister.Platform, shopId, 0, 0, 0, 0, default, Error: $"{ex.GetType().Name}: {ex.Message}"));
                    await AlertAsync(AlertKind.PullFailed, $"pull:{lister.Platform}:{shopId}", $"{lister.Platform}:{shopId}", $"The order pull of this shop failed and will be tried again on the next tick ({ex.GetType().Name}: {ex.Message}). Other shops are not affected.", cancellationToken);
                }
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
        int windows = 0, pages = 0, listed = 0, enqueued = 0, skipped = 0;
        foreach (var (start, end) in PullWindows.Split(from, to, lister.MaxWindow))
        {
            string? cursor = null;
            do
            {
                if (++pages > o.MaxPagesPerRun)
                {
                    logger.LogWarning("Pull of {Platform}:{ShopId} stopped after {Pages} pages; the watermark stays at {Watermark}", lister.Platform, shopId, o.MaxPagesPerRun, watermark);
                    return new PullResult(lister.Platform, shopId, windows, pages - 1, listed, enqueued, watermark, skipped);
                }

                var page = await lister.ListChangedAsync(shopId, start, end, cursor, cancellationToken);
                listed += page.Orders.Count;
                skipped += await KeepSkippedAsync(lister.Platform, shopId, page.Skipped, start, end, cancellationToken);
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
        return new PullResult(lister.Platform, shopId, windows, pages, listed, enqueued, watermark, skipped);
    }

    /// <summary>Keeps the page's unreadable entries before anything of the page is committed, so the watermark never passes an entry nobody kept.</summary>
    private async Task<int> KeepSkippedAsync(string platform, string shopId, IReadOnlyList<SkippedListEntry> entries, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var fresh = new List<SkippedListEntry>();
        foreach (var entry in entries)
        {
            if (await skippedEntries.KeepAsync(platform, shopId, entry, from, to, cancellationToken))
            {
                fresh.Add(entry);
            }
        }

        if (entries.Count > 0)
        {
            logger.LogWarning("Pull of {Platform}:{ShopId} skipped {Count} unreadable list entries ({Fresh} new); the rest of the page is pulled", platform, shopId, entries.Count, fresh.Count);
        }

        if (fresh.Count > 0)
        {
            var reason = $"{fresh.Count} entr{(fresh.Count == 1 ? "y" : "ies")} of the order list could not be read and {(fresh.Count == 1 ? "was" : "were")} skipped: {fresh[0].Reason} {fresh[0].Excerpt}. " +
                         $"The rest was pulled. See GET /api/{SkippedListEntries.Route}; resync the order once its id is known.";
            await AlertAsync(AlertKind.PullEntrySkipped, $"pull-entry:{platform}:{shopId}", $"{platform}:{shopId}", reason, cancellationToken);
        }

        return entries.Count;
    }

    private async Task AlertAsync(AlertKind kind, string target, string subject, string reason, CancellationToken cancellationToken)
    {
        try
        {
            await alerts.RaiseAsync(kind, target, subject, reason, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The failure is logged and, for skipped entries, kept in a table; an alert channel being down must not stop the pull.
            logger.LogError(ex, "Alert {Kind} for {Target} could not be raised", kind, target);
        }
    }
}
