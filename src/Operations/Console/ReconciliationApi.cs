using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using ServerlessSync.Domain.Erp;
using ServerlessSync.Pipeline.Ledger;
using ServerlessSync.Pipeline.Stats;

namespace ServerlessSync.Pipeline.OpsConsole;

/// <summary>
/// <c>GET /api/reconciliation/{platform}/{shopId}/{yyyy-MM-dd}</c>: one shop's business day (UTC+8, by order creation)
/// compared across the platform (its incremental order list, then each order's detail), the ledger (the orders-by-day
/// index, each row read from the ledger) and the ERP (lookup by platform order number), bounded by <see cref="ReconciliationOptions"/>.
/// </summary>
public sealed class ReconciliationApi(
    OrdersByDayIndex byDay,
    OrderLedger ledger,
    IEnumerable<IPlatformOrderLister> listers,
    IEnumerable<IPlatformOrderClient> clients,
    IErpConnector erp,
    IOptions<ReconciliationOptions> options,
    TimeProvider clock,
    ILogger<ReconciliationApi> logger)
{
    public async Task<HttpReply> GetAsync(string platform, string shopId, string day, CancellationToken cancellationToken)
    {
        if (!PlatformNames.IsKnown(platform))
        {
            return HttpReply.Error(400, $"unknown platform '{platform}'; expected one of {string.Join(", ", PlatformNames.All)}");
        }

        if (string.IsNullOrWhiteSpace(shopId) || !StatsDay.TryParse(day, out var date))
        {
            return HttpReply.Error(400, "shop id and a day as yyyy-MM-dd are required");
        }

        var o = options.Value;
        var indexed = await byDay.ListAsync(platform, shopId, StatsDay.Format(date), o.MaxOrders + 1, cancellationToken);
        var ledgerTruncated = indexed.Count > o.MaxOrders;
        var entries = await ForEachAsync(indexed.Take(o.MaxOrders).ToList(), 16, d => ledger.GetAsync(new OrderKey(platform, shopId, d.OrderId), cancellationToken));
        var ledgerOrders = entries.Where(e => e is not null).Select(e => e!).ToList();

        var platformSide = await PlatformAsync(platform, shopId, date, o, cancellationToken);
        var erpSide = await ErpAsync(ledgerOrders, o, cancellationToken);
        var report = ReconciliationComparer.Compare(platformSide, ledgerOrders, erpSide);
        return HttpReply.JsonBody(200, new
        {
            platform,
            shopId,
            day = StatsDay.Format(date),
            timeZone = "UTC+08:00",
            generatedAt = clock.GetUtcNow(),
            platformSide = new { available = platformSide.Orders is not null, reason = platformSide.Unavailable, truncated = platformSide.Truncated, totals = report.Platform },
            ledgerSide = new { truncated = ledgerTruncated, totals = report.Ledger },
            erpSide = new
            {
                available = erpSide.Unavailable is null,
                reason = erpSide.Unavailable,
                found = report.ErpFound,
                @checked = report.ErpChecked,
                amountFen = report.ErpAmountFen,
                truncated = erpSide.Truncated,
                kind = erp.Kind,
            },
            missing = report.Missing,
            duplicates = report.Duplicates,
            mismatched = report.Mismatched,
        });
    }

    private async Task<PlatformSide> PlatformAsync(string platform, string shopId, DateOnly date, ReconciliationOptions o, CancellationToken cancellationToken)
    {
        var lister = listers.FirstOrDefault(l => l.Platform == platform);
        var client = clients.FirstOrDefault(c => c.Platform == platform);
        if (lister is null || client is null)
        {
            return new PlatformSide(null, $"no order list for {platform} is registered: the platform side is unavailable", false);
        }

        var (start, end) = StatsDay.Window(date);
        var until = Min(clock.GetUtcNow(), start.AddDays(Math.Max(1, o.PlatformLookaheadDays)));
        var ids = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var truncated = false;
        try
        {
            for (var from = start; from < until && !truncated; from += lister.MaxWindow)
            {
                var to = Min(until, from + lister.MaxWindow);
                string? cursor = null;
                do
                {
                    var page = await lister.ListChangedAsync(shopId, from, to, cursor, cancellationToken);
                    foreach (var changed in page.Orders.Where(c => seen.Add(c.OrderId)))
                    {
                        ids.Add(changed.OrderId);
                    }

                    truncated = ids.Count > o.MaxOrders;
                    cursor = page.NextCursor;
                }
                while (cursor is not null && !truncated);
            }

            var orders = await ForEachAsync(ids.Take(o.MaxOrders).ToList(), Math.Max(1, o.PlatformConcurrency), id => client.GetOrderAsync(new OrderKey(platform, shopId, id), cancellationToken));
            var ofDay = orders.Where(x => x.CreatedAt >= start && x.CreatedAt < end).Select(x => new PlatformDayOrder(x.Key.OrderId, x.Status, x.PaidAmountFen)).ToList();
            return new PlatformSide(ofDay, null, truncated);
        }
        catch (Exception ex) when (ex is PlatformTransientException or PlatformRequestException or HttpRequestException)
        {
            logger.LogWarning(ex, "Reconciliation of {Platform}:{ShopId} could not read the platform", platform, shopId);
            return new PlatformSide(null, $"the platform could not be read: {ex.Message}", false);
        }
    }

    private async Task<ErpSide> ErpAsync(IReadOnlyList<LedgerEntry> ledgerOrders, ReconciliationOptions o, CancellationToken cancellationToken)
    {
        var checkedOrders = ledgerOrders.Take(Math.Max(0, o.MaxErpLookups)).ToList();
        var found = new ConcurrentDictionary<string, ErpOrderRef?>(StringComparer.Ordinal);
        try
        {
            await ForEachAsync(checkedOrders, 4, async e =>
            {
                found[e.Key.OrderId] = await erp.FindByExternalOrderNoAsync(e.Key.OrderId, cancellationToken);
                return true;
            });
            return new ErpSide(found, ledgerOrders.Count > checkedOrders.Count, null);
        }
        catch (Exception ex) when (ex is ErpTransientException or ErpProtocolException or HttpRequestException)
        {
            logger.LogWarning(ex, "Reconciliation could not read the ERP {Erp}", erp.Kind);
            return new ErpSide(found, true, $"the ERP could not be read: {ex.Message}");
        }
    }

    private static async Task<IReadOnlyList<TResult>> ForEachAsync<T, TResult>(IReadOnlyList<T> items, int concurrency, Func<T, Task<TResult>> work)
    {
        using var gate = new SemaphoreSlim(concurrency);
        return await Task.WhenAll(items.Select(async item =>
        {
            await gate.WaitAsync();
            try
            {
                return await work(item);
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
