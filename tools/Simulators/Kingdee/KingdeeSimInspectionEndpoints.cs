using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ServerlessSync.Simulators.Kingdee;

/// <summary>Test and demo endpoints under <c>/kingdee/_sim/</c>: what the ERP holds, metrics, stock and reset.</summary>
public static class KingdeeSimInspectionEndpoints
{
    public const string BasePath = "/kingdee/_sim/";

    public sealed record StockChange(string Material, decimal Quantity, string? Warehouse);

    public static WebApplication MapKingdeeInspection(this WebApplication app)
    {
        app.MapGet(BasePath + "orders", (KingdeeSimulatorState state) => Json(OrdersReport(state)));
        app.MapGet(BasePath + "metrics", (KingdeeSimulatorState state) => Json(MetricsReport(state.Metrics.Snapshot(), state.Sessions.Count)));
        app.MapPost(BasePath + "stock", (KingdeeSimulatorState state, StockChange change) =>
        {
            if (string.IsNullOrWhiteSpace(change.Material) || change.Quantity < 0)
            {
                return Results.BadRequest(new { error = "material and a non-negative quantity are required" });
            }

            state.Store.SetStock(change.Material, change.Warehouse ?? state.Options.StockWarehouse, change.Quantity);
            return Results.NoContent();
        });
        app.MapPost(BasePath + "sessions/drop", (KingdeeSimulatorState state) =>
        {
            state.DropSessions();
            return Results.NoContent();
        });
        app.MapPost(BasePath + "reset", (KingdeeSimulatorState state) =>
        {
            state.Reset();
            return Results.NoContent();
        });
        return app;
    }

    public static JsonObject OrdersReport(KingdeeSimulatorState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var bills = state.Bills;
        return new JsonObject
        {
            ["count"] = bills.Count,
            ["orders"] = new JsonArray(bills.Select(b => (JsonNode?)new JsonObject
            {
                ["id"] = b.Id,
                ["billNo"] = b.BillNo,
                ["netOrderBillNo"] = b.NetOrderBillNo,
                ["status"] = b.Status,
                ["customer"] = b.CustomerNumber,
                ["saleOrg"] = b.SaleOrgNumber,
                ["date"] = b.Date,
                ["totalAmount"] = b.TotalAmount,
                ["customFields"] = new JsonObject(b.CustomFields.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
                ["lines"] = new JsonArray(b.Lines.Select(l => (JsonNode?)new JsonObject
                {
                    ["material"] = l.MaterialNumber,
                    ["unit"] = l.UnitNumber,
                    ["quantity"] = l.Quantity,
                    ["taxPrice"] = l.TaxPrice,
                    ["allAmount"] = l.AllAmount,
                    ["taxRate"] = l.TaxRate,
                    ["isFree"] = l.IsFree,
                    ["warehouse"] = l.WarehouseNumber,
                }).ToArray()),
            }).ToArray()),
            ["duplicates"] = new JsonArray(state.Duplicates.Select(d => (JsonNode?)d).ToArray()),
            ["deleted"] = new JsonArray(state.Store.Deleted().Select(d => (JsonNode?)new JsonObject
            {
                ["id"] = d.Bill.Id,
                ["billNo"] = d.Bill.BillNo,
                ["netOrderBillNo"] = d.Bill.NetOrderBillNo,
                ["deletedAt"] = d.DeletedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            }).ToArray()),
        };
    }

    public static JsonObject MetricsReport(KingdeeSimMetricsSnapshot m, int sessions)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new JsonObject
        {
            ["totalCalls"] = m.TotalCalls,
            ["peakCallsPerSecond"] = m.PeakCallsPerSecond,
            ["peakConcurrency"] = m.PeakConcurrency,
            ["inFlight"] = m.InFlight,
            ["throttled"] = m.Throttled,
            ["transientFailures"] = m.TransientFailures,
            ["commitThenTimeouts"] = m.CommitThenTimeouts,
            ["slowCommits"] = m.SlowCommits,
            ["businessRejects"] = m.BusinessRejects,
            ["sessionRejections"] = m.SessionRejections,
            ["sessions"] = sessions,
            ["callsByService"] = new JsonObject(m.CallsByService.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
        };
    }

    private static IResult Json(JsonNode node) => Results.Content(node.ToJsonString(), "application/json; charset=utf-8");
}
