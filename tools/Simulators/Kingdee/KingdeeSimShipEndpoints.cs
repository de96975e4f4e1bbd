using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ServerlessSync.Simulators.Kingdee;

/// <summary>
/// The warehouse of the simulated account, for tests and the demo: <c>POST /kingdee/_sim/ship</c> ships one sales order
/// (by <c>billNo</c> or <c>netOrderBillNo</c>, optionally some <c>lines</c>, with <c>carrier</c> and <c>waybill</c>) or, with
/// <c>all: true</c>, every audited order that shipped nothing yet; <c>GET /kingdee/_sim/shipments</c> lists the 销售出库单.
/// </summary>
public static class KingdeeSimShipEndpoints
{
    public sealed record ShipRequest(
        string? BillNo = null, string? NetOrderBillNo = null, bool All = false, string? Carrier = null, string? Waybill = null,
        IReadOnlyList<KingdeeSimOutStockLine>? Lines = null);

    public static WebApplication MapKingdeeShipping(this WebApplication app)
    {
        app.MapPost(KingdeeSimInspectionEndpoints.BasePath + "ship", (KingdeeSimulatorState state, ShipRequest request) => Ship(state, request));
        app.MapGet(KingdeeSimInspectionEndpoints.BasePath + "shipments", (KingdeeSimulatorState state) =>
            Results.Content(ShipmentsReport(state).ToJsonString(), "application/json; charset=utf-8"));
        return app;
    }

    public static IResult Ship(KingdeeSimulatorState state, ShipRequest request)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(request);
        var carrier = string.IsNullOrWhiteSpace(request.Carrier) ? state.Options.ShipCarrier : request.Carrier;
        var now = state.Time.GetUtcNow();
        if (request.All)
        {
            var before = state.OutStocks.All().Count;
            state.OutStocks.ShipDue(state.Store.Bills(), TimeSpan.Zero, carrier, now);
            return Results.Ok(new { shipped = state.OutStocks.All().Count - before });
        }

        var order = state.Store.Bills().FirstOrDefault(b =>
            (request.BillNo is not null && b.BillNo == request.BillNo) || (request.NetOrderBillNo is not null && b.NetOrderBillNo == request.NetOrderBillNo));
        if (order is null)
        {
            return Results.NotFound(new { error = "no sales order with that billNo or netOrderBillNo" });
        }

        var (bill, error) = state.OutStocks.Ship(order, carrier, request.Waybill, request.Lines, now);
        return bill is null ? Results.Conflict(new { error }) : Results.Ok(new { billNo = bill.BillNo, carriageNo = bill.CarriageNo });
    }

    public static JsonObject ShipmentsReport(KingdeeSimulatorState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var bills = state.OutStocks.All();
        return new JsonObject
        {
            ["count"] = bills.Count,
            ["shipments"] = new JsonArray(bills.Select(b => (JsonNode?)new JsonObject
            {
                ["billNo"] = b.BillNo,
                ["saleOrderBillNo"] = b.SaleOrderBillNo,
                ["carrier"] = b.Carrier,
                ["carriageNo"] = b.CarriageNo,
                ["approvedAt"] = b.ApprovedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                ["lines"] = new JsonArray(b.Lines.Select(l => (JsonNode?)new JsonObject { ["material"] = l.Material, ["quantity"] = l.Quantity }).ToArray()),
            }).ToArray()),
        };
    }
}
