using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ServerlessSync.Simulators.Core;
using ServerlessSync.Simulators.Kingdee;

namespace ServerlessSync.Simulators.YonBip;

/// <summary>Test and demo endpoints under <c>/yonbip/_sim/</c>: what the ERP holds, metrics, stock, tokens and reset.</summary>
public static class YonBipSimInspectionEndpoints
{
    public const string BasePath = "/yonbip/_sim/";

    public sealed record StockChange(string Material, decimal Quantity, string? Warehouse);

    public static WebApplication MapYonBipInspection(this WebApplication app)
    {
        app.MapSimErpInspection<YonBipSimulatorState, YonBipSimulatorOptions>(BasePath, OrdersReport, state =>
            SimErpInspection.MetricsReport(state.Metrics.Snapshot(), KingdeeSimInspectionEndpoints.ReportedCounters, state.Tokens.Count, "callsByService"));
        app.MapPost(BasePath + "stock", (YonBipSimulatorState state, StockChange change) =>
        {
            if (string.IsNullOrWhiteSpace(change.Material) || change.Quantity < 0)
            {
                return SimErpInspection.BadStockChange();
            }

            state.Store.SetStock(change.Material, change.Warehouse ?? state.Options.StockWarehouse, change.Quantity);
            return Results.NoContent();
        });
        app.MapSimAction<YonBipSimulatorState>(BasePath + "tokens/drop", state => state.DropTokens());
        return app;
    }

    /// <summary><c>netOrderBillNo</c> is the platform order number (the configured header define), as every ERP simulator reports it.</summary>
    public static JsonObject OrdersReport(YonBipSimulatorState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var orders = state.Orders;
        return new JsonObject
        {
            ["count"] = orders.Count,
            ["orders"] = new JsonArray(orders.Select(o => (JsonNode?)new JsonObject
            {
                ["id"] = o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["billNo"] = o.Code,
                ["netOrderBillNo"] = o.ExternalOrderNo,
                ["status"] = o.VerifyState.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["nextStatus"] = o.NextStatus,
                ["resubmitCheckKey"] = o.ResubmitCheckKey,
                ["customer"] = o.AgentId,
                ["salesOrg"] = o.SalesOrgId,
                ["transactionType"] = o.TransactionTypeId,
                ["date"] = o.VouchDate,
                ["payMoney"] = o.PayMoney,
                ["headItem"] = new JsonObject(o.HeadItem.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
                ["lines"] = new JsonArray(o.Lines.Select(l => (JsonNode?)new JsonObject
                {
                    ["product"] = l.ProductCode,
                    ["unit"] = l.UnitId,
                    ["qty"] = l.Qty,
                    ["oriTaxUnitPrice"] = l.OriTaxUnitPrice,
                    ["oriSum"] = l.OriSum,
                    ["oriMoney"] = l.OriMoney,
                    ["oriTax"] = l.OriTax,
                    ["orderProductType"] = l.OrderProductType,
                    ["taxId"] = l.TaxId,
                    ["stockId"] = l.StockId,
                }).ToArray()),
            }).ToArray()),
            ["duplicates"] = new JsonArray(state.Duplicates.Select(d => (JsonNode?)d).ToArray()),
            ["deleted"] = new JsonArray(state.Store.Deleted().Select(d => (JsonNode?)new JsonObject
            {
                ["id"] = d.Order.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["billNo"] = d.Order.Code,
                ["netOrderBillNo"] = d.Order.ExternalOrderNo,
                ["deletedAt"] = d.DeletedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            }).ToArray()),
        };
    }
}
