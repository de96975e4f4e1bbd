using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace ServerlessSync.Simulators.Demo;

/// <summary>
/// Plays one live burst through the running simulators into a running hub, waits until every order has
/// settled in the ledger, audits the ERP simulator, and prints a summary (JSON with <c>--json</c>).
/// </summary>
public sealed class DemoCommand(DemoArguments args, TextWriter progress)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly string[] SettledStatuses = ["Synced", "Quarantined", "PendingStock", "Failed", "CancelledBeforeErp", "CancelledAfterErp"];

    public async Task<DemoSummary> RunAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var started = Stopwatch.StartNew();
        var burst = await PlayBurstAsync(http, cancellationToken);
        var orderIds = burst.GetProperty("orderIds").EnumerateArray().Select(e => e.GetString()!).ToList();

        var statuses = await WaitForLedgerAsync(http, orderIds, cancellationToken);
        var erp = await http.GetFromJsonAsync<JsonElement>($"{args.SimulatorUrl}/kingdee/_sim/orders", Json, cancellationToken);
        var erpNumbers = erp.GetProperty("orders").EnumerateArray()
            .Select(o => o.GetProperty("netOrderBillNo").GetString()!)
            .ToList();
        var ours = new HashSet<string>(orderIds);
        var erpOrders = erpNumbers.Where(ours.Contains).ToList();
        var inErp = new HashSet<string>(erpOrders);
        var lost = orderIds.Where(id => (!statuses.TryGetValue(id, out var s) || !SettledStatuses.Contains(s)) && !inErp.Contains(id)).ToList();

        return new DemoSummary
        {
            Sent = burst.GetProperty("sent").GetInt32(),
            Acked = burst.GetProperty("acked").GetInt32(),
            PushFailures = burst.GetProperty("failed").GetInt32(),
            Synced = statuses.Values.Count(s => s == "Synced"),
            PendingStock = statuses.Values.Count(s => s == "PendingStock"),
            Quarantined = statuses.Values.Count(s => s == "Quarantined"),
            Failed = statuses.Values.Count(s => s == "Failed"),
            ErpOrders = inErp.Count,
            ErpDuplicates = erpOrders.Count - inErp.Count,
            Lost = lost.Count,
            LostOrderIds = lost.Take(20).ToList(),
            AckP50Ms = Number(burst, "latencyP50Ms"),
            AckP99Ms = Number(burst, "latencyP99Ms"),
            DrainSeconds = Math.Round(started.Elapsed.TotalSeconds, 1),
        };
    }

    private async Task<JsonElement> PlayBurstAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var plan = new
        {
            orders = args.Orders,
            ratePerSecond = args.Rate,
            duplicateRate = args.DuplicateRate,
            outOfOrderRate = args.OutOfOrderRate,
            webhookUrl = $"{args.HubUrl}/api/webhooks/douyin",
        };
        using var start = await http.PostAsJsonAsync($"{args.SimulatorUrl}/douyin/_sim/burst", plan, Json, cancellationToken);
        if (!start.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"the Douyin simulator refused the burst: {(int)start.StatusCode} {await start.Content.ReadAsStringAsync(cancellationToken)}");
        }

        var id = (await start.Content.ReadFromJsonAsync<JsonElement>(Json, cancellationToken)).GetProperty("burstId").GetString();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds((args.Orders / args.Rate) + 120);
        while (true)
        {
            var state = await http.GetFromJsonAsync<JsonElement>($"{args.SimulatorUrl}/douyin/_sim/burst/{id}", Json, cancellationToken);
            await progress.WriteLineAsync($"burst: {state.GetProperty("created").GetInt32()}/{args.Orders} orders, {state.GetProperty("sent").GetInt32()} pushes sent, {state.GetProperty("acked").GetInt32()} acked, {state.GetProperty("failed").GetInt32()} failed");
            if (state.GetProperty("done").GetBoolean())
            {
                return state;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the burst did not finish in time");
            }

            await Task.Delay(500, cancellationToken);
        }
    }

    private async Task<Dictionary<string, string>> WaitForLedgerAsync(HttpClient http, IReadOnlyList<string> orderIds, CancellationToken cancellationToken)
    {
        var statuses = new Dictionary<string, string>();
        var deadline = DateTime.UtcNow + args.EffectiveTimeout;
        while (true)
        {
            var pending = orderIds.Where(id => !statuses.TryGetValue(id, out var s) || !SettledStatuses.Contains(s)).ToList();
            await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (id, ct) =>
            {
                using var response = await http.GetAsync($"{args.HubUrl}/api/orders/douyin/{DemoCatalog.ShopId}/{id}", ct);
                if (response.IsSuccessStatusCode)
                {
                    var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json, ct);
                    lock (statuses)
                    {
                        statuses[id] = body.GetProperty("status").GetString() ?? "";
                    }
                }
            });

            var settled = orderIds.Count(id => statuses.TryGetValue(id, out var s) && SettledStatuses.Contains(s));
            var synced = statuses.Values.Count(s => s == "Synced");
            await progress.WriteLineAsync($"ledger: {settled}/{orderIds.Count} settled, {synced} synced");
            if (settled == orderIds.Count || DateTime.UtcNow > deadline)
            {
                return statuses;
            }

            await Task.Delay(1000, cancellationToken);
        }
    }

    private static double Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? Math.Round(value.GetDouble(), 1) : 0;
}
