using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ServerlessSync.Simulators.Core;

namespace ServerlessSync.Simulators.Sap;

/// <summary>
/// Test and demo endpoints under <c>/sap/_sim/</c>: what the ERP holds (in the key names every ERP simulator shares:
/// netOrderBillNo = PurchaseOrderByCustomer, billNo = SalesOrder), metrics, stock, sessions and reset.
/// </summary>
public static class SapSimInspectionEndpoints
{
    public const string BasePath = "/sap/_sim/";

    /// <summary>Sets one stock row; plant and storage location default to the configured ones, stock type to unrestricted use.</summary>
    public sealed record StockChange(string Material, decimal Quantity, string? Plant, string? StorageLocation, string? Batch, string? StockType);

    /// <summary>What <c>GET metrics</c> reports.</summary>
    public static readonly SimCounter[] ReportedCounters =
    [
        SimCounter.Throttled, SimCounter.Overloaded, SimCounter.TransientFailures, SimCounter.CommitThenTimeouts, SimCounter.BusinessRejects,
        SimCounter.CsrfRejections, SimCounter.AuthFailures, SimCounter.TokenFetches,
    ];

    public static WebApplication MapSapInspection(this WebApplication app)
    {
        app.MapSimErpInspection<SapSimulatorState, SapSimulatorOptions>(BasePath, OrdersReport, MetricsReport);
        app.MapPost(BasePath + "stock", (SapSimulatorState state, StockChange change) =>
        {
            if (string.IsNullOrWhiteSpace(change.Material) || change.Quantity < 0)
            {
                return SimErpInspection.BadStockChange();
            }

            state.Store.SetStock(
                change.Material,
                change.Plant ?? state.Options.Plant,
                change.StorageLocation ?? state.Options.StorageLocation,
                change.Batch ?? "",
                change.StockType ?? SapSimCatalog.UnrestrictedUse,
                change.Quantity);
            return Results.NoContent();
        });
        app.MapSimAction<SapSimulatorState>(BasePath + "sessions/drop", state => state.DropSessions());
        return app;
    }

    public static JsonObject OrdersReport(SapSimulatorState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var orders = state.Orders;
        return new JsonObject
        {
            ["count"] = orders.Count,
            ["orders"] = new JsonArray(orders.Select(o => (JsonNode?)new JsonObject
            {
                ["netOrderBillNo"] = o.PurchaseOrderByCustomer,
                ["billNo"] = o.SalesOrder,
                ["status"] = o.OverallSDProcessStatus,
                ["rejectionStatus"] = o.OverallSDDocumentRejectionSts,
                ["rejected"] = o.OverallSDDocumentRejectionSts == "C",
                ["salesOrderType"] = o.SalesOrderType,
                ["salesOrganization"] = o.SalesOrganization,
                ["soldToParty"] = o.SoldToParty,
                ["salesOrderDate"] = o.SalesOrderDate,
                ["totalNetAmount"] = o.TotalNetAmount,
                ["currency"] = o.TransactionCurrency,
                ["headerTexts"] = new JsonArray(o.HeaderTexts.Select(t => (JsonNode?)t).ToArray()),
                ["items"] = new JsonArray(o.Items.Select(i => (JsonNode?)new JsonObject
                {
                    ["item"] = i.SalesOrderItem,
                    ["material"] = i.Material,
                    ["quantity"] = i.RequestedQuantity,
                    ["unit"] = i.RequestedQuantityUnit,
                    ["itemCategory"] = i.SalesOrderItemCategory,
                    ["plant"] = i.Plant,
                    ["storageLocation"] = i.StorageLocation,
                    ["netAmount"] = i.NetAmount,
                    ["rejectionReason"] = i.SalesDocumentRjcnReason,
                }).ToArray()),
            }).ToArray()),
            ["duplicates"] = new JsonArray(state.Duplicates.Select(d => (JsonNode?)d).ToArray()),
        };
    }

    public static JsonObject MetricsReport(SapSimulatorState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return SimErpInspection.MetricsReport(state.Metrics.Snapshot(), ReportedCounters, state.Sessions.Count, "callsByOperation");
    }
}
