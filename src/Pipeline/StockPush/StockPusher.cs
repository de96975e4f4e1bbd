using ServerlessSync.Domain.Alerts;
using ServerlessSync.Domain.Stock;
using ServerlessSync.Pipeline.Alerts;
using ServerlessSync.Pipeline.Ports;
using ServerlessSync.Pipeline.Profiles;
using ServerlessSync.Pipeline.SellerNotes;
using ServerlessSync.Pipeline.Configuration;

namespace ServerlessSync.Pipeline.StockPush;

/// <summary>What one stock-push run did, over all shops.</summary>
/// <param name="ShopsFailed">Shops whose run stopped before their SKUs (the ERP stock query failed, no writer): retried next run.</param>
public sealed record StockPushRunResult(int Pushed, int Unchanged, int Deferred, int Failed, int ShopsFailed);

/// <summary>
/// Pushes the ERP's available stock of each shop's mapped SKUs to the platform (<see cref="StockFigure.ToPush"/>: combos
/// from their components, less the profile's buffer, never below zero). A shop whose profile turns the push on is worked
/// when an ERP write marked it (<see cref="StockPushSignal"/>: SKUs whose figure moved), when a SKU's retry is due, and
/// every <see cref="StockPushOptions.FullRefreshSeconds"/> (every SKU). One ERP stock query per shop and run, through the
/// shared ERP stock batcher; platforms are worked side by side, each at its own <see cref="PlatformPace"/>. A
/// failed push is retried after a doubling wait and alerted (<see cref="AlertKind.StockPushFailed"/>) from
/// <see cref="PlatformWriteBackOptions.AlertAfterAttempts"/> failures on; after <see cref="PlatformWriteBackOptions.MaxAttempts"/>
/// it waits a full refresh before the next try (the next figure is always wanted, so it is never dropped). At most
/// <see cref="PlatformWriteBackOptions.MaxPerRun"/> pushes are tried per run; the rest wait for the next.
/// </summary>
public sealed partial class StockPusher(
    StockPushStore store,
    ProfileStore profiles,
    IErpStockReader stock,
    IEnumerable<IPlatformStockWriter> writers,
    AlertService alerts,
    IOptions<StockPushOptions> options,
    TimeProvider clock,
    ILogger<StockPusher> logger)
{
    private static readonly TimeSpan ProfileMaxAge = TimeSpan.FromSeconds(30);

    private enum Outcome { Pushed, Unchanged, Deferred, Failed }

    private sealed record ShopRun(List<Outcome> Outcomes, bool Failed);

    /// <summary>The pushes one run may still try, shared by the platforms' parallel loops.</summary>
    private sealed class Budget(int max)
    {
        private int used;

        public bool Take() => Interlocked.Increment(ref used) <= max;
    }

    public async Task<StockPushRunResult> RunAsync(CancellationToken cancellationToken)
    {
        var shops = await store.ListShopsAsync(cancellationToken);
        var budget = new Budget(options.Value.MaxPerRun);
        var perPlatform = await Task.WhenAll(shops.GroupBy(s => s.Platform).Select(async group =>
        {
            var pace = new PlatformPace(options.Value.CallsPerSecondFor(group.Key), clock);
            var runs = new List<ShopRun>();
            foreach (var shop in group)
            {
                runs.Add(await RunShopAsync(shop, pace, budget, cancellationToken));
            }

            return runs;
        }));
        var runs = perPlatform.SelectMany(r => r).ToList();
        var all = runs.SelectMany(r => r.Outcomes).ToList();
        return new StockPushRunResult(
            all.Count(o => o == Outcome.Pushed), all.Count(o => o == Outcome.Unchanged), all.Count(o => o == Outcome.Deferred),
            all.Count(o => o == Outcome.Failed), runs.Count(r => r.Failed));
    }

    private async Task<ShopRun> RunShopAsync(StockPushShop shop, PlatformPace pace, Budget budget, CancellationToken cancellationToken)
    {
        try
        {
            return new ShopRun(await PushShopAsync(shop, pace, budget, cancellationToken), false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var reason = $"{ex.GetType().Name}: {ex.Message}";
            LogShopFailed(logger, shop.Platform, shop.ShopId, ex);
            await alerts.RaiseAsync(AlertKind.StockPushFailed, Target(shop.Platform, shop.ShopId), $"{shop.Platform}:{shop.ShopId}", $"Stock push of the shop stopped, retried next run: {reason}", cancellationToken);
            return new ShopRun([], true);
        }
    }

    private async Task<List<Outcome>> PushShopAsync(StockPushShop shop, PlatformPace pace, Budget budget, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var started = clock.GetUtcNow();
        var profile = await profiles.GetCachedAsync(shop.Platform, shop.ShopId, ProfileMaxAge, cancellationToken);
        if (profile?.StockPush.Enabled != true)
        {
            return [];
        }

        var full = shop.FullAt is not { } lastFull || started - lastFull >= TimeSpan.FromSeconds(settings.FullRefreshSeconds);
        var skus = (await store.ListSkusAsync(shop.Platform, shop.ShopId, cancellationToken))
            .Select(s => (Sku: s, MapKey: StockFigure.MapKeyOf(profile, s.SkuId, s.MerchantCode)))
            .Where(s => s.MapKey is not null && !s.Sku.RetryWaiting(started))
            .ToList();
        if (skus.Count == 0 || (!full && !shop.Changed && !skus.Any(s => s.Sku.RetryDue(started))))
        {
            if (full)
            {
                await store.SaveRunAsync(shop.Platform, shop.ShopId, shop.ChangedAt, started, cancellationToken);
            }

            return [];
        }

        var writer = writers.FirstOrDefault(w => w.Platform == shop.Platform)
            ?? throw new InvalidOperationException($"No stock writer is registered for {shop.Platform}.");
        var levels = await stock.GetStockAsync(skus.SelectMany(s => StockFigure.Materials(profile, s.MapKey!)).Distinct(StringComparer.Ordinal).ToList(), cancellationToken);
        var outcomes = new List<Outcome>();
        foreach (var (sku, mapKey) in skus)
        {
            outcomes.Add(await PushSkuAsync(sku, StockFigure.ToPush(profile, mapKey!, levels), full || sku.RetryDue(started), shop.Changed, writer, pace, budget, cancellationToken));
        }

        // A mark dated after this run began stands for writes the ERP query may not have seen: the shop stays changed.
        var workedAt = outcomes.Contains(Outcome.Deferred) ? null : shop.ChangedAt is { } changed && changed > started ? started : shop.ChangedAt;
        await store.SaveRunAsync(shop.Platform, shop.ShopId, workedAt, full ? started : null, cancellationToken);
        return outcomes;
    }

    private async Task<Outcome> PushSkuAsync(
        StockPushSku sku, long figure, bool always, bool changed, IPlatformStockWriter writer, PlatformPace pace, Budget budget, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!always && (!changed || figure == sku.Pushed))
        {
            return Outcome.Unchanged;
        }

        if ((!always && sku.PushedAt is { } last && now - last < TimeSpan.FromSeconds(options.Value.MinPushIntervalSeconds)) || !budget.Take())
        {
            return Outcome.Deferred;
        }

        try
        {
            await pace.WaitAsync(cancellationToken);
            var shown = await writer.SetStockAsync(sku.ShopId, new PlatformSku(sku.ProductId, sku.SkuId), figure, cancellationToken);
            await store.SaveOutcomeAsync(sku with { Pushed = shown, PushedAt = clock.GetUtcNow(), Failures = 0, NextTryAt = null, LastError = null }, cancellationToken);
            LogPushed(logger, sku.Platform, sku.ShopId, sku.SkuId, shown);
            return Outcome.Pushed;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await FailAsync(sku, figure, ex, cancellationToken);
            return Outcome.Failed;
        }
    }

    private async Task FailAsync(StockPushSku sku, long figure, Exception error, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var failures = sku.Failures + 1;
        var reason = $"{error.GetType().Name}: {error.Message}";
        LogFailed(logger, sku.Platform, sku.ShopId, sku.SkuId, failures, error.GetType().Name);
        var givenUp = failures >= settings.MaxAttempts;
        var wait = givenUp ? TimeSpan.FromSeconds(settings.FullRefreshSeconds) : settings.RetryDelay(failures);
        await store.SaveOutcomeAsync(sku with { Failures = failures, NextTryAt = clock.GetUtcNow() + wait, LastError = reason }, cancellationToken);
        if (givenUp || failures >= settings.AlertAfterAttempts)
        {
            var next = givenUp ? $"tried again after a full refresh interval ({settings.FullRefreshSeconds} s)" : "retried later";
            await alerts.RaiseAsync(
                AlertKind.StockPushFailed, Target(sku.Platform, sku.ShopId), $"{sku.Platform}:{sku.ShopId}:sku:{sku.SkuId}",
                $"Stock {figure} for SKU {sku.SkuId} failed {failures} times, {next}: {reason}", cancellationToken);
        }
    }

    private static string Target(string platform, string shopId) => $"stock-push:{platform}:{shopId}";

    [LoggerMessage(Level = LogLevel.Information, Message = "Stock of {Platform}:{ShopId} SKU {SkuId} pushed: {Shown}")]
    private static partial void LogPushed(ILogger logger, string platform, string shopId, string skuId, long shown);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stock push of {Platform}:{ShopId} SKU {SkuId} failed (try {Failures}): {ExceptionType}")]
    private static partial void LogFailed(ILogger logger, string platform, string shopId, string skuId, int failures, string exceptionType);

    [LoggerMessage(Level = LogLevel.Error, Message = "Stock push of {Platform}:{ShopId} stopped; retried next run")]
    private static partial void LogShopFailed(ILogger logger, string platform, string shopId, Exception exception);
}
