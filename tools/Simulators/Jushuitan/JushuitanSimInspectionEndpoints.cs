using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ServerlessSync.Simulators.Core;
using ServerlessSync.Simulators.Kingdee;

namespace ServerlessSync.Simulators.Jushuitan;

/// <summary>Test and demo endpoints under <c>/jushuitan/_sim/</c>: what the ERP holds, metrics, stock and reset.</summary>
public static class JushuitanSimInspectionEndpoints
{
    public const string BasePath = "/jushuitan/_sim/";

    /// <summary>Sets a SKU's qty (and, when given, its order and pick locks); the SKU becomes known.</summary>
    public sealed record StockChange(string Material, decimal Quantity, decimal? OrderLock, decimal? PickLock);

    /// <summary>Maps the inspection endpoints; <c>sessions</c> in the metrics is always 1, the company's one access token.</summary>
    public static WebApplication MapJushuitanInspection(this WebApplication app)
    {
        app.MapSimErpInspection<JushuitanSimulatorState, JushuitanSimulatorOptions>(BasePath, OrdersReport, state =>
            SimErpInspection.MetricsReport(state.Metrics.Snapshot(), KingdeeSimInspectionEndpoints.ReportedCounters, 1, "callsByService"));
        app.MapPost(BasePath + "stock", (JushuitanSimulatorState state, StockChange change) =>
        {
            if (string.IsNullOrWhiteSpace(change.Material) || change.Quantity < 0 || change.OrderLock < 0 || change.PickLock < 0)
            {
                return SimErpInspection.BadStockChange("material and non-negative quantities are required");
            }

            state.Store.SetStock(change.Material, change.Quantity, change.OrderLock, change.PickLock);
            return Results.NoContent();
        });
        return app;
    }

    /// <summary><c>netOrderBillNo</c> is the platform order number (so_id), <c>billNo</c> the ERP's o_id.</summary>
    public static JsonObject OrdersReport(JushuitanSimulatorState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var orders = state.Orders;
        return new JsonObject
        {
            ["count"] = orders.Count,
            ["orders"] = new JsonArray(orders.Select(o =>
            {
                var report = JushuitanSimAnswers.Order(o);
                report["netOrderBillNo"] = o.SoId;
                report["billNo"] = o.OId.ToString(CultureInfo.InvariantCulture);
                return (JsonNode?)report;
            }).ToArray()),
            ["duplicates"] = new JsonArray(state.Duplicates.Select(d => (JsonNode?)d).ToArray()),
        };
    }
}
