using System.Collections.Concurrent;
using ServerlessSync.Pipeline.Profiles;
using ServerlessSync.Pipeline.Sync;

namespace ServerlessSync.Pipeline.StockPush;

/// <summary>
/// Called when an order is written to the ERP: records the platform ids of its SKUs (once per process and SKU) and
/// marks its shop changed so the next stock-push run pushes the SKUs whose figure moved. A burst of writes is coalesced
/// here (a shop is marked at most once per <see cref="StockPushOptions.MarkDebounceSeconds"/> per process) and in the run
/// (one push per SKU per run, and per <see cref="StockPushOptions.MinPushIntervalSeconds"/>).
/// </summary>
public sealed class StockPushSignal(StockPushStore store, ProfileStore profiles, IOptions<StockPushOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan ProfileMaxAge = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, byte> recorded = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> marked = new(StringComparer.Ordinal);

    public async Task ErpWrittenAsync(OrderKey key, IReadOnlyList<SalesLine> lines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(lines);
        foreach (var sku in lines.Select(l => l.Sku).OfType<SoldSku>().Where(s => s.ProductId.Length > 0).DistinctBy(s => s.SkuId))
        {
            var memo = $"{key.Platform}:{key.ShopId}:{sku.SkuId}";
            if (!recorded.ContainsKey(memo))
            {
                await store.RecordSkuAsync(key.Platform, key.ShopId, sku.ProductId, sku.SkuId, sku.MerchantCode, cancellationToken);
                recorded.TryAdd(memo, 0);
            }
        }

        var profile = await profiles.GetCachedAsync(key.Platform, key.ShopId, ProfileMaxAge, cancellationToken);
        if (profile?.StockPush.Enabled != true)
        {
            return;
        }

        var shop = $"{key.Platform}:{key.ShopId}";
        var now = clock.GetUtcNow();
        var debounce = TimeSpan.FromSeconds(options.Value.MarkDebounceSeconds);
        if (marked.TryGetValue(shop, out var last) && now - last < debounce)
        {
            return;
        }

        // The mark is dated at the end of the window it stands for, so the writes it leaves unmarked are still covered:
        // a run that starts before that time leaves the shop changed (StockPusher), and the next run pushes again.
        await store.MarkChangedAsync(key.Platform, key.ShopId, now + debounce, cancellationToken);
        marked[shop] = now;
    }
}
