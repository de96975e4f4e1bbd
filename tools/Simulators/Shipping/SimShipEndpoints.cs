using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ServerlessSync.Simulators.Shipping;

/// <summary>
/// The warehouse of a simulated ERP, for tests and the demo, the same under every ERP's <c>/{erp}/_sim/</c>:
/// <c>POST ship</c> ships one sales order (by <c>billNo</c>, the ERP's number, or <c>netOrderBillNo</c>, the platform
/// order's; optionally some <c>lines</c>, with <c>carrier</c> and <c>waybill</c>) or, with <c>all: true</c>, every order
/// that can ship and shipped nothing yet; <c>GET shipments</c> lists the outbound documents.
/// </summary>
public static class SimShipEndpoints
{
    public sealed record ShipRequest(
        string? BillNo = null, string? NetOrderBillNo = null, bool All = false, string? Carrier = null, string? Waybill = null,
        IReadOnlyList<SimShipLine>? Lines = null);

    public static WebApplication MapSimShipping<TErp>(this WebApplication app, string basePath)
        where TErp : ISimShippingErp
    {
        app.MapPost(basePath + "ship", (TErp erp, ShipRequest request) => Ship(erp, request));
        app.MapGet(basePath + "shipments", (TErp erp) => Results.Content(ShipmentsReport(erp).ToJsonString(), "application/json; charset=utf-8"));
        return app;
    }

    public static IResult Ship(ISimShippingErp erp, ShipRequest request)
    {
        ArgumentNullException.ThrowIfNull(erp);
        ArgumentNullException.ThrowIfNull(request);
        var carrier = string.IsNullOrWhiteSpace(request.Carrier) ? erp.ShipCarrier : request.Carrier;
        var now = erp.Time.GetUtcNow();
        if (request.All)
        {
            var before = erp.Warehouse.All().Count;
            erp.Warehouse.ShipDue(erp.ShippableOrders(), TimeSpan.Zero, carrier, now);
            return Results.Ok(new { shipped = erp.Warehouse.All().Count - before });
        }

        var order = erp.ShippableOrders().FirstOrDefault(o =>
            (request.BillNo is not null && o.Number == request.BillNo) || (request.NetOrderBillNo is not null && o.ExternalNumber == request.NetOrderBillNo));
        if (order is null)
        {
            return Results.NotFound(new { error = "no sales order with that billNo or netOrderBillNo" });
        }

        var (outbound, error) = erp.Warehouse.Ship(order, carrier, request.Waybill, request.Lines, now);
        return outbound is null ? Results.Conflict(new { error }) : Results.Ok(new { billNo = outbound.Number, carriageNo = outbound.Waybill });
    }

    /// <summary>Every outbound document: <c>billNo</c>, <c>saleOrderBillNo</c> (the ERP sales order), carrier, <c>carriageNo</c> (waybill), <c>shippedAt</c>, lines.</summary>
    public static JsonObject ShipmentsReport(ISimShippingErp erp)
    {
        ArgumentNullException.ThrowIfNull(erp);
        var outbounds = erp.Warehouse.All();
        return new JsonObject
        {
            ["count"] = outbounds.Count,
            ["shipments"] = new JsonArray(outbounds.Select(b => (JsonNode?)new JsonObject
            {
                ["billNo"] = b.Number,
                ["saleOrderBillNo"] = b.OrderNumber,
                ["carrier"] = b.Carrier,
                ["carriageNo"] = b.Waybill,
                ["shippedAt"] = b.ShippedAt.ToString("O", CultureInfo.InvariantCulture),
                ["lines"] = new JsonArray(b.Lines.Select(l => (JsonNode?)new JsonObject { ["material"] = l.Material, ["quantity"] = l.Quantity }).ToArray()),
            }).ToArray()),
        };
    }
}
