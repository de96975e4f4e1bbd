using System.Globalization;
using System.Text.Json.Nodes;
using ServerlessSync.Simulators.Shipping;

namespace ServerlessSync.Simulators.Kingdee;

/// <summary>
/// ExecuteBillQuery on 销售出库单 SAL_OUTSTOCK (loop.md §4.1): one row per entry, header fields repeated. Every bill is
/// audited (<c>FDocumentStatus</c> C); dates are China time as K/3 Cloud answers them (<c>yyyy-MM-ddTHH:mm:ss</c>).
/// Orders due for the automatic shipment are shipped first.
/// </summary>
public static class KingdeeSimOutStockQuery
{
    public const string FormId = "SAL_OUTSTOCK";

    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    private sealed record Entry(SimOutbound Bill, SimShipLine Line);

    private static readonly Dictionary<string, Func<Entry, object?>> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["FBillNo"] = e => e.Bill.Number,
        ["FDocumentStatus"] = _ => "C",
        ["FCarrierID.FNumber"] = e => e.Bill.Carrier,
        ["FCarriageNO"] = e => e.Bill.Waybill,
        ["FApproveDate"] = e => ChinaTime(e.Bill.ShippedAt),
        ["FDate"] = e => ChinaTime(e.Bill.ShippedAt),
        ["FSoorDerno"] = e => e.Bill.OrderNumber,
        ["FSrcBillNo"] = e => e.Bill.OrderNumber,
        ["FMaterialId.FNumber"] = e => e.Line.Material,
        ["FRealQty"] = e => e.Line.Quantity,
    };

    public static JsonNode Run(KingdeeSimulatorState state, JsonObject? data)
    {
        ArgumentNullException.ThrowIfNull(state);
        ((ISimShippingErp)state).ShipDue();
        var entries = state.OutStocks.All().OrderBy(b => b.ShippedAt).SelectMany(b => b.Lines.Select(l => new Entry(b, l))).ToList();
        return KingdeeSimQuery.Run(data, entries, Fields, ignoreFilter: false);
    }

    private static string ChinaTime(DateTimeOffset at) => at.ToOffset(ChinaOffset).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
}
