using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using ServerlessSync.Simulators.Shipping;
using static ServerlessSync.Simulators.Sap.SapSimAnswers;

namespace ServerlessSync.Simulators.Sap;

/// <summary>
/// API_OUTBOUND_DELIVERY_SRV/A_OutbDeliveryHeader (loop.md §4.3) over the warehouse's deliveries: every one has its goods
/// issue posted (<c>OverallGoodsMovementStatus</c> C) at <c>ActualGoodsMovementDate</c> (Edm.DateTime, midnight UTC of
/// the China-time day) and <c>ActualGoodsMovementTime</c> (Edm.Time, China time), the waybill in <c>BillOfLading</c>;
/// <c>$expand=to_DeliveryDocumentItem</c> gives the items with <c>ReferenceSDDocument</c> (the sales order) and
/// <c>$expand=to_DeliveryDocumentPartner</c> the partners, the carrier as forwarding agent (<c>SP</c>, its
/// <c>Supplier</c>). Orders due for the automatic shipment are delivered first.
/// </summary>
public static class SapSimDeliveries
{
    public const string ItemsNavigation = "to_DeliveryDocumentItem";
    public const string PartnersNavigation = "to_DeliveryDocumentPartner";

    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    private static readonly HashSet<string> HeaderProperties = new(
        ["DeliveryDocument", "DeliveryDocumentType", "SDDocumentCategory", "ShippingPoint", "SoldToParty", "OverallGoodsMovementStatus",
         "OverallSDProcessStatus", "ActualGoodsMovementDate", "ActualGoodsMovementTime", "BillOfLading", "LastChangeDate"],
        StringComparer.Ordinal);

    public static (JsonObject? Answer, Failure? Failure) Headers(HttpRequest request, SapSimulatorState state, string serviceRoot)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(state);
        ((ISimShippingErp)state).ShipDue();
        var expand = request.Query["$expand"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (expand.FirstOrDefault(e => e is not (ItemsNavigation or PartnersNavigation)) is { } unknown)
        {
            return (null, new Failure(400, BadQuery, $"Property '{unknown}' is not a navigation property of 'A_OutbDeliveryHeaderType'"));
        }

        var orders = state.Orders.ToDictionary(o => o.SalesOrder, StringComparer.Ordinal);
        return SapSimReads.Query(request, state, serviceRoot + "A_OutbDeliveryHeader", HeaderProperties, "A_OutbDeliveryHeaderType", ignoreFilter: false,
            state.Deliveries.All().OrderBy(d => d.ShippedAt).Select(d =>
            {
                var order = orders.GetValueOrDefault(d.OrderNumber);
                return (Header(d, order), (Func<JsonObject, JsonObject>)(json =>
                {
                    json["__metadata"] = Metadata($"{serviceRoot}A_OutbDeliveryHeader('{d.Number}')", "API_OUTBOUND_DELIVERY_SRV.A_OutbDeliveryHeaderType");
                    if (expand.Contains(ItemsNavigation))
                    {
                        json[ItemsNavigation] = new JsonObject { ["results"] = Items(d, order, serviceRoot) };
                    }

                    if (expand.Contains(PartnersNavigation))
                    {
                        json[PartnersNavigation] = new JsonObject { ["results"] = Partners(d, order, serviceRoot) };
                    }

                    return json;
                }));
            }).ToList());
    }

    private static IReadOnlyDictionary<string, string> Header(SimOutbound delivery, SapSimSalesOrder? order)
    {
        var china = delivery.ShippedAt.ToOffset(ChinaOffset);
        var day = $"/Date({new DateTimeOffset(china.Date, TimeSpan.Zero).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)})/";
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["DeliveryDocument"] = delivery.Number,
            ["DeliveryDocumentType"] = "LF",
            ["SDDocumentCategory"] = "J",
            ["ShippingPoint"] = "1010",
            ["SoldToParty"] = order?.SoldToParty ?? "",
            ["OverallGoodsMovementStatus"] = "C",
            ["OverallSDProcessStatus"] = "C",
            ["ActualGoodsMovementDate"] = day,
            ["ActualGoodsMovementTime"] = string.Create(CultureInfo.InvariantCulture, $"PT{china.Hour:D2}H{china.Minute:D2}M{china.Second:D2}S"),
            ["BillOfLading"] = delivery.Waybill,
            ["LastChangeDate"] = day,
        };
    }

    private static JsonArray Items(SimOutbound delivery, SapSimSalesOrder? order, string serviceRoot) =>
        new(delivery.Lines.Select((line, index) =>
        {
            var item = ((index + 1) * 10).ToString("D6", CultureInfo.InvariantCulture);
            return (JsonNode?)new JsonObject
            {
                ["__metadata"] = Metadata($"{serviceRoot}A_OutbDeliveryItem(DeliveryDocument='{delivery.Number}',DeliveryDocumentItem='{item}')", "API_OUTBOUND_DELIVERY_SRV.A_OutbDeliveryItemType"),
                ["DeliveryDocument"] = delivery.Number,
                ["DeliveryDocumentItem"] = item,
                ["Material"] = line.Material,
                ["ActualDeliveryQuantity"] = SapSimJson.Decimal(line.Quantity, 3),
                ["DeliveryQuantityUnit"] = "PC",
                ["GoodsMovementStatus"] = "C",
                ["ReferenceSDDocument"] = delivery.OrderNumber,
                ["ReferenceSDDocumentItem"] = order?.Items.FirstOrDefault(i => i.Material == line.Material)?.SalesOrderItem ?? "",
                ["ReferenceSDDocumentCategory"] = "C",
            };
        }).ToArray());

    private static JsonArray Partners(SimOutbound delivery, SapSimSalesOrder? order, string serviceRoot)
    {
        JsonNode Partner(string function, string customer, string supplier) => new JsonObject
        {
            ["__metadata"] = Metadata($"{serviceRoot}A_OutbDeliveryPartner(PartnerFunction='{function}',SDDocument='{delivery.Number}')", "API_OUTBOUND_DELIVERY_SRV.A_OutbDeliveryPartnerType"),
            ["PartnerFunction"] = function,
            ["SDDocument"] = delivery.Number,
            ["Customer"] = customer,
            ["Supplier"] = supplier,
        };

        var soldTo = order?.SoldToParty ?? "";
        return [Partner("AG", soldTo, ""), Partner("WE", soldTo, ""), Partner("SP", "", delivery.Carrier)];
    }
}
