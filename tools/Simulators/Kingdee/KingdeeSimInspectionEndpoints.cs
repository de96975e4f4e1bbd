using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ServerlessSync.Simulators.Core;

namespace ServerlessSync.Simulators.Kingdee;

/// <summary>Test and demo endpoints under <c>/kingdee/_sim/</c>: what the ERP holds, metrics, stock and reset.</summary>
public static class KingdeeSimInspectionEndpoints
{
    public const string BasePath = "/kingdee/_sim/";

    public sealed record StockChange(string Material, decimal Quantity, string? Warehouse);

    /// <summary>What <c>GET metrics</c> reports (Jushuitan and YonBIP report the same).</summary>
    public static readonly SimCounter[] ReportedCounters =
        [SimCounter.Throttled, SimCounter.TransientFailures, SimCounter.CommitThenTimeouts, SimCounter.SlowCommits, SimCounter.BusinessRejects, SimCounter.SessionRejections];

    public static WebApplication MapKingdeeInspection(this WebApplication app)
    {
        app.MapSimErpInspection<KingdeeSimulatorState, KingdeeSimulatorOptions>(BasePath, OrdersReport, MetricsReport);
        app.MapPost(BasePath + "stock", (KingdeeSimulatorState state, StockChange change) =>
        {
            if (string.IsNullOrWhiteSpace(change.Material) || change.Quantity < 0)
            {
                return SimErpInspection.BadStockChange();
            }

            state.Store.SetStock(change.Material, change.Warehouse ?? state.Options.StockWarehouse, change.Quantity);
            return Results.NoContent();
        });
        app.MapSimAction<KingdeeSimulatorState>(BasePath + "sessions/drop", state => state.DropSessions());
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

    public static JsonObject MetricsReport(KingdeeSimulatorState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return SimErpInspection.MetricsReport(state.Metrics.Snapshot(), ReportedCounters, state.Sessions.Count, "callsByService");
    }
}
