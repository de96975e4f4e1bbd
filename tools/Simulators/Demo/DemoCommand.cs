using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace ServerlessSync.Simulators.Demo;

/// <summary>
/// Plays one live burst through the running simulators into a running hub, on each chosen platform (pushes for
/// Douyin, Kuaishou and WeChat; Taobao orders are only created and reach the hub by pull), waits until every
/// order has settled in the ledger, waits for the seller notes to carry the synced orders' ERP numbers, audits the ERP
/// simulator, and prints a summary (JSON with <c>--json</c>).
/// </summary>
public sealed class DemoCommand(DemoArguments args, TextWriter progress)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly string[] SettledStatuses = ["Synced", "Quarantined", "PendingStock", "Failed", "CancelledBeforeErp", "CancelledAfterErp", "OnHold"];

    /// <summary>How long the demo waits, after the ledger settled, for the seller notes to carry every synced order's ERP number.</summary>
    private static readonly TimeSpan RemarkWait = TimeSpan.FromSeconds(120);

    private sealed record PlatformBurst(DemoPlatforms.Shop Shop, IReadOnlyList<string> OrderIds, JsonElement? State);

    public async Task<DemoSummary> RunAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var started = Stopwatch.StartNew();
        var shares = Split(args.Orders, args.Platforms.Count);
        var bursts = await Task.WhenAll(args.Platforms.Select((name, i) => PlayAsync(http, DemoPlatforms.ByName[name], shares[i], cancellationToken)));
        var orders = bursts.SelectMany(b => b.OrderIds.Select(id => (b.Shop, Id: id))).ToList();

        var erpNumbers = new Dictionary<string, string>();
        var statuses = await WaitForLedgerAsync(http, orders, erpNumbers, cancellationToken);
        var shipping = args.Ship ? new DemoShipping(args, http, progress) : null;
        var waybills = shipping is null ? null : await shipping.ShipAllAsync(erpNumbers, cancellationToken);
        var remarked = await CountRemarkedAsync(http, bursts, erpNumbers, cancellationToken);
        var onPlatform = shipping is null ? 0 : await shipping.CountOnPlatformAsync(bursts.Select(b => b.Shop.Platform).Distinct().ToList(), waybills!, cancellationToken);
        var erp = await http.GetFromJsonAsync<JsonElement>(args.SimulatorUrl + DemoPlatforms.ErpInspection[args.Erp], Json, cancellationToken);
        var erpBillNos = erp.GetProperty("orders").EnumerateArray().Select(o => o.GetProperty("netOrderBillNo").GetString()!).ToList();
        var ours = orders.Select(o => o.Id).ToHashSet();
        var erpOrders = erpBillNos.Where(ours.Contains).ToList();
        var inErp = erpOrders.ToHashSet();
        var lost = orders.Where(o => (!statuses.TryGetValue(o.Id, out var s) || !SettledStatuses.Contains(s)) && !inErp.Contains(o.Id)).Select(o => $"{o.Shop.Platform}:{o.Id}").ToList();
        var pushed = bursts.Where(b => b.State is not null).Select(b => b.State!.Value).ToList();
        var latencies = pushed.Select(s => Number(s, "latencyP99Ms")).DefaultIfEmpty(0);

        return new DemoSummary
        {
            Sent = pushed.Sum(s => s.GetProperty("sent").GetInt32()),
            Acked = pushed.Sum(s => s.GetProperty("acked").GetInt32()),
            PushFailures = pushed.Sum(s => s.GetProperty("failed").GetInt32()),
            Synced = statuses.Values.Count(s => s == "Synced"),
            Remarked = remarked,
            Shipped = waybills?.Count ?? 0,
            ShipmentsOnPlatform = onPlatform,
            PendingStock = statuses.Values.Count(s => s == "PendingStock"),
            Quarantined = statuses.Values.Count(s => s == "Quarantined"),
            Failed = statuses.Values.Count(s => s == "Failed"),
            ErpOrders = inErp.Count,
            ErpDuplicates = erpOrders.Count - inErp.Count,
            Lost = lost.Count,
            LostOrderIds = lost.Take(20).ToList(),
            AckP50Ms = pushed.Count == 0 ? 0 : pushed.Max(s => Number(s, "latencyP50Ms")),
            AckP99Ms = latencies.Max(),
            DrainSeconds = Math.Round(started.Elapsed.TotalSeconds, 1),
            ByPlatform = bursts.ToDictionary(b => b.Shop.Platform, b => b.OrderIds.Count(id => statuses.TryGetValue(id, out var s) && s == "Synced")),
        };
    }

    private static int[] Split(int total, int parts) =>
        Enumerable.Range(0, parts).Select(i => (total / parts) + (i < total % parts ? 1 : 0)).ToArray();

    private async Task<PlatformBurst> PlayAsync(HttpClient http, DemoPlatforms.Shop shop, int count, CancellationToken cancellationToken)
    {
        if (count == 0)
        {
            return new PlatformBurst(shop, [], null);
        }

        if (!shop.Pushes)
        {
            using var created = await http.PostAsJsonAsync($"{args.SimulatorUrl}/{shop.Platform}/_sim/orders", new { count }, Json, cancellationToken);
            await EnsureAsync(created, shop.Platform, cancellationToken);
            var tids = (await created.Content.ReadFromJsonAsync<JsonElement>(Json, cancellationToken)).GetProperty("tids").EnumerateArray().Select(e => e.GetString()!).ToList();
            await progress.WriteLineAsync($"{shop.Platform}: {tids.Count} orders created; they reach the hub by pull");
            return new PlatformBurst(shop, tids, null);
        }

        var plan = new
        {
            orders = count,
            ratePerSecond = args.Rate / args.Platforms.Count,
            duplicateRate = args.DuplicateRate,
            outOfOrderRate = args.OutOfOrderRate,
            webhookUrl = $"{args.HubUrl}/api/webhooks/{shop.Platform}",
        };
        using var start = await http.PostAsJsonAsync($"{args.SimulatorUrl}/{shop.Platform}/_sim/burst", plan, Json, cancellationToken);
        await EnsureAsync(start, shop.Platform, cancellationToken);
        var id = (await start.Content.ReadFromJsonAsync<JsonElement>(Json, cancellationToken)).GetProperty("burstId").GetString();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds((count / Math.Max(1, plan.ratePerSecond)) + 120);
        while (true)
        {
            var state = await http.GetFromJsonAsync<JsonElement>($"{args.SimulatorUrl}/{shop.Platform}/_sim/burst/{id}", Json, cancellationToken);
            await progress.WriteLineAsync($"{shop.Platform}: {state.GetProperty("created").GetInt32()}/{count} orders, {state.GetProperty("sent").GetInt32()} pushes sent, {state.GetProperty("acked").GetInt32()} acked, {state.GetProperty("failed").GetInt32()} failed");
            if (state.GetProperty("done").GetBoolean())
            {
                return new PlatformBurst(shop, state.GetProperty("orderIds").EnumerateArray().Select(e => e.GetString()!).ToList(), state);
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the {shop.Platform} burst did not finish in time");
            }

            await Task.Delay(500, cancellationToken);
        }
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string platform, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"the {platform} simulator refused the burst: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    /// <summary>
    /// Synced orders whose platform order's seller note (as the simulators hold it) carries their ERP number, counted
    /// until all do or <see cref="RemarkWait"/> is over: the hub writes the notes on its own timer after the sync.
    /// </summary>
    private async Task<int> CountRemarkedAsync(HttpClient http, IReadOnlyList<PlatformBurst> bursts, IReadOnlyDictionary<string, string> erpNumbers, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + RemarkWait;
        while (true)
        {
            var remarked = 0;
            foreach (var burst in bursts.Where(b => b.OrderIds.Count > 0))
            {
                var listed = await http.GetFromJsonAsync<JsonElement>($"{args.SimulatorUrl}/{burst.Shop.Platform}/_sim/orders", Json, cancellationToken);
                remarked += listed.GetProperty("orders").EnumerateArray().Count(o =>
                    (o.TryGetProperty("orderId", out var id) ? id : o.GetProperty("tid")).GetString() is { } orderId &&
                    erpNumbers.TryGetValue(orderId, out var erpNumber) &&
                    o.GetProperty("sellerNote").GetString() is { } note && note.Contains(erpNumber, StringComparison.Ordinal));
            }

            await progress.WriteLineAsync($"seller notes: {remarked}/{erpNumbers.Count} synced orders carry their ERP number on the platform");
            if (remarked >= erpNumbers.Count || DateTime.UtcNow > deadline)
            {
                return remarked;
            }

            await Task.Delay(1000, cancellationToken);
        }
    }

    /// <summary>Polls the order view until every order settled; <paramref name="erpNumbers"/> collects the synced orders' ERP numbers.</summary>
    private async Task<Dictionary<string, string>> WaitForLedgerAsync(
        HttpClient http, IReadOnlyList<(DemoPlatforms.Shop Shop, string Id)> orders, Dictionary<string, string> erpNumbers, CancellationToken cancellationToken)
    {
        var statuses = new Dictionary<string, string>();
        var deadline = DateTime.UtcNow + args.EffectiveTimeout;
        while (true)
        {
            var pending = orders.Where(o => !statuses.TryGetValue(o.Id, out var s) || !SettledStatuses.Contains(s)).ToList();
            await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (order, ct) =>
            {
                using var response = await http.GetAsync($"{args.HubUrl}/api/orders/{order.Shop.Platform}/{order.Shop.ShopId}/{order.Id}", ct);
                if (response.IsSuccessStatusCode)
                {
                    var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json, ct);
                    lock (statuses)
                    {
                        statuses[order.Id] = body.GetProperty("status").GetString() ?? "";
                        if (statuses[order.Id] == "Synced" && body.TryGetProperty("erpOrderNumber", out var erpNumber) && erpNumber.GetString() is { Length: > 0 } number)
                        {
                            erpNumbers[order.Id] = number;
                        }
                    }
                }
            });

            var settled = orders.Count(o => statuses.TryGetValue(o.Id, out var s) && SettledStatuses.Contains(s));
            var synced = statuses.Values.Count(s => s == "Synced");
            await progress.WriteLineAsync($"ledger: {settled}/{orders.Count} settled, {synced} synced");
            if (settled == orders.Count || DateTime.UtcNow > deadline)
            {
                return statuses;
            }

            await Task.Delay(1000, cancellationToken);
        }
    }

    private static double Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? Math.Round(value.GetDouble(), 1) : 0;
}
