using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ServerlessSync.Simulators.Shipping;

namespace ServerlessSync.Simulators.Core;

/// <summary>
/// The inspection endpoints every ERP simulator has under <c>/{erp}/_sim/</c>, for tests and the demo: <c>GET orders</c>
/// (what the ERP holds, in key names every ERP shares: <c>netOrderBillNo</c> is the platform order number, <c>billNo</c>
/// the ERP's), <c>GET metrics</c>, <c>POST reset</c> and the warehouse's <c>ship</c> and <c>shipments</c>. Each ERP adds
/// its own (stock, sessions or tokens).
/// </summary>
public static class SimErpInspection
{
    /// <summary>Refusal of a stock change that names no material or a negative quantity.</summary>
    public static IResult BadStockChange(string error = "material and a non-negative quantity are required") =>
        Results.BadRequest(new { error });

    public static WebApplication MapSimErpInspection<TState, TOptions>(
        this WebApplication app, string basePath, Func<TState, JsonObject> ordersReport, Func<TState, JsonObject> metricsReport)
        where TState : SimErpState<TOptions>
        where TOptions : SimErpOptions
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(basePath + "orders", (TState state) => SimJson.Reply(ordersReport(state)));
        app.MapGet(basePath + "metrics", (TState state) => SimJson.Reply(metricsReport(state)));
        app.MapSimAction<TState>(basePath + "reset", state => state.Reset());
        app.MapSimShipping<TState>(basePath);
        return app;
    }

    /// <summary>A control that does one thing to the simulator and answers 204.</summary>
    public static WebApplication MapSimAction<TState>(this WebApplication app, string path, Action<TState> action)
        where TState : notnull
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost(path, (TState state) =>
        {
            action(state);
            return Results.NoContent();
        });
        return app;
    }

    /// <summary>
    /// The metrics report: totals, peaks, the <paramref name="counters"/> the ERP can produce, <c>sessions</c> (or tokens)
    /// alive, and the calls per operation under <paramref name="callsByKey"/>.
    /// </summary>
    public static JsonObject MetricsReport(SimCallMetricsSnapshot m, IEnumerable<SimCounter> counters, int sessions, string callsByKey)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(counters);
        var report = new JsonObject
        {
            ["totalCalls"] = m.TotalCalls,
            ["peakCallsPerSecond"] = m.PeakCallsPerSecond,
            ["peakConcurrency"] = m.PeakConcurrency,
            ["inFlight"] = m.InFlight,
        };
        foreach (var counter in counters)
        {
            report[KeyOf(counter)] = m.Counters[counter];
        }

        report["sessions"] = sessions;
        report[callsByKey] = new JsonObject(m.CallsByOperation.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));
        return report;
    }

    private static string KeyOf(SimCounter counter) =>
        System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(counter.ToString());
}
