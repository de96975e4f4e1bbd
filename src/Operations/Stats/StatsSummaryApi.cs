using ServerlessSync.Pipeline.Profiles;
using ServerlessSync.Pipeline.Shipments;
using ServerlessSync.Pipeline.Intake;

namespace ServerlessSync.Pipeline.Stats;

/// <summary>
/// <c>GET /api/stats/summary[?day=yyyy-MM-dd]</c>: the live dashboard's JSON for one business day (UTC+8, today by
/// default) from the pre-aggregated counters: sales by anchor, live session, channel, platform, shop and product,
/// the order-stage funnel (through shipped and tracking on the platform), sync health, and the shipping backlog: per shop,
/// the oldest order awaiting shipment as <see cref="ShippingBacklog"/> last worked it out, aged to now.
/// </summary>
public sealed class StatsSummaryApi(
    StatsReader reader, QueueHealth queues, ProfileStore profiles, ShippingBacklog backlog, IOptions<StatsOptions> options, IOptions<ShipmentOptions> shipments, TimeProvider clock)
{
    public async Task<HttpReply> GetAsync(string? day, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (string.IsNullOrEmpty(day))
        {
            day = StatsDay.Of(now);
        }
        else if (!StatsDay.TryParse(day, out _))
        {
            return HttpReply.Error(400, "day must be yyyy-MM-dd");
        }

        var countersTask = reader.ReadDayAsync(day, cancellationToken);
        var queueTask = queues.ReadAsync(now, cancellationToken);
        var backlogTask = backlog.ReadAsync(cancellationToken);
        var counters = await countersTask;
        var queue = await queueTask;
        var awaiting = await backlogTask;
        var t = counters.Total;
        var statuses = Enum.GetValues<SyncStatus>().ToDictionary(s => s.ToString(), s => counters.Statuses[s.ToString()]);
        var latencyCounts = Enumerable.Range(0, LatencyBuckets.Count).Select(b => t[LatencyBuckets.PropertyName(b)]).ToList();
        var maxLatency = t[CounterRows.MaxPrefix + "LatencyMs"];

        return HttpReply.JsonBody(200, new
        {
            day,
            timeZone = "UTC+08:00",
            generatedAt = now,
            totals = new
            {
                orders = t["SalesOrders"],
                salesFen = t["SalesFen"],
                received = t["Received"],
                paid = t["Paid"],
                paidFen = t["PaidFen"],
                mapped = t["Mapped"],
                inErp = t["InErp"],
                inErpFen = t["InErpFen"],
                cancelled = t["Cancelled"],
                cancelledFen = t["CancelledFen"],
                refunded = t["Refunded"],
                refundedFen = t["RefundedFen"],
                shipped = t["Shipped"],
                onPlatform = t["OnPlatform"],
                awaitingShipment = t[CounterRows.AwaitingShipment],
            },
            funnel = new object[]
            {
                new { stage = "received", label = "收到 Received", orders = t["Received"] },
                new { stage = "paid", label = "已付款 Paid", orders = t["Paid"] },
                new { stage = "mapped", label = "已映射 Mapped", orders = t["Mapped"] },
                new { stage = "inErp", label = "已入ERP In ERP", orders = t["InErp"] },
                new { stage = "shipped", label = "已发货 Shipped", orders = t["Shipped"] },
                new { stage = "onPlatform", label = "物流已回传 Tracking on platform", orders = t["OnPlatform"] },
            },
            shipping = new
            {
                asOf = awaiting?.ComputedAt,
                refreshSeconds = shipments.Value.BacklogRefreshSeconds,
                lookbackDays = awaiting?.LookbackDays ?? shipments.Value.BacklogLookbackDays,
                shops = (awaiting?.Shops ?? []).OrderBy(a => a.Since).Select(a => new
                {
                    shop = $"{a.Platform}:{a.ShopId}",
                    platform = a.Platform,
                    shopId = a.ShopId,
                    oldestOrderId = a.OrderId,
                    erpOrderNumber = a.ErpOrderNumber,
                    since = a.Since,
                    ageSeconds = Math.Max(0, (long)(now - a.Since).TotalSeconds),
                    awaitingThatDay = a.AwaitingThatDay,
                    day = a.Day,
                }),
            },
            byAnchor = Sales(counters.Dimension("anchor"), "Name"),
            byLiveSession = Sales(counters.Dimension("room"), "Anchor"),
            byChannel = Sales(counters.Dimension("channel"), null),
            byPlatform = Sales(counters.Dimension("platform"), null),
            byShop = Sales(counters.Dimension("shop"), null),
            products = await ProductsAsync(counters.Dimension("product"), counters.Dimension("shop").Keys, cancellationToken),
            health = new
            {
                intakeQueue = queue,
                statuses,
                pendingStock = statuses[nameof(SyncStatus.PendingStock)],
                quarantined = statuses[nameof(SyncStatus.Quarantined)],
                onHold = statuses[nameof(SyncStatus.OnHold)],
                failed = statuses[nameof(SyncStatus.Failed)],
                erpLatency = new
                {
                    count = t["LatencyCount"],
                    avgMs = t["LatencyCount"] == 0 ? 0 : t["LatencySumMs"] / t["LatencyCount"],
                    p50Ms = LatencyBuckets.Quantile(latencyCounts, 0.5, maxLatency),
                    p95Ms = LatencyBuckets.Quantile(latencyCounts, 0.95, maxLatency),
                    maxMs = maxLatency,
                    buckets = LatencyBuckets.UpperBoundsMs.Select(b => (long?)b).Append(null).Zip(latencyCounts, (le, count) => new { leMs = le, count }),
                },
            },
        });
    }

    private static IEnumerable<object> Sales(IReadOnlyDictionary<string, CounterTotals> rows, string? label) =>
        rows.Where(r => r.Value["Orders"] != 0 || r.Value["Fen"] != 0)
            .OrderByDescending(r => r.Value["Fen"])
            .ThenBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => new { key = r.Key, name = label is null ? r.Key : r.Value.Label(label) ?? r.Key, orders = r.Value["Orders"], salesFen = r.Value["Fen"] });

    /// <summary>Top sellers and slow movers; products of the shops' mapping profiles that sold nothing today are the slowest.</summary>
    private async Task<object> ProductsAsync(IReadOnlyDictionary<string, CounterTotals> rows, IEnumerable<string> shops, CancellationToken cancellationToken)
    {
        var sold = rows.Where(r => r.Value["Qty"] != 0 || r.Value["GiftQty"] != 0 || r.Value["Fen"] != 0)
            .Select(r => new ProductLine(r.Key, r.Value.Label("Title") ?? r.Key, r.Value["Qty"], r.Value["GiftQty"], r.Value["Orders"], r.Value["Fen"]))
            .ToList();
        var catalog = new HashSet<string>(StringComparer.Ordinal);
        foreach (var shop in shops)
        {
            var parts = shop.Split(':', 2);
            if (parts.Length == 2 && await profiles.GetAsync(parts[0], parts[1], cancellationToken) is { } profile)
            {
                catalog.UnionWith(profile.Skus.Keys);
            }
        }

        var all = sold.Concat(catalog.Where(code => sold.All(p => p.Key != code)).Select(code => new ProductLine(code, code, 0, 0, 0, 0))).ToList();
        var n = Math.Max(1, options.Value.TopProducts);
        var top = all.Where(p => p.Quantity > 0).OrderByDescending(p => p.Quantity).ThenByDescending(p => p.SalesFen).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(Math.Min(n, (all.Count + 1) / 2)).ToList();
        var slow = all.Except(top).OrderBy(p => p.Quantity).ThenBy(p => p.SalesFen).ThenBy(p => p.Key, StringComparer.Ordinal).Take(n).ToList();
        return new { top, slow, sold = sold.Count, catalog = catalog.Count };
    }

    private sealed record ProductLine(string Key, string Title, long Quantity, long GiftQuantity, long Orders, long SalesFen);
}
