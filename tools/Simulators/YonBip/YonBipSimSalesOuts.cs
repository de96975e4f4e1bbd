using System.Globalization;
using System.Text.Json.Nodes;
using ServerlessSync.Simulators.Shipping;
using static ServerlessSync.Simulators.YonBip.YonBipSimAnswers;

namespace ServerlessSync.Simulators.YonBip;

/// <summary>
/// 销售出库单列表查询 <c>scm/salesout/list</c> over the warehouse's bills: a <c>simpleVOs</c> condition on <c>pubts</c>
/// (<c>egt</c>, <c>gt</c> or <c>between</c> with <c>value1</c>/<c>value2</c>, <c>yyyy-MM-dd HH:mm:ss</c>) or none, paged by
/// <c>pageIndex</c>/<c>pageSize</c>; <c>data.recordList</c> has one row per bill line with <c>code</c>, <c>pubts</c>,
/// <c>vouchdate</c>, <c>firstupcode</c> (the sales order code), <c>iLogisticId</c>, <c>iLogisticId_name</c>,
/// <c>cLogisticsBillNo</c>, <c>product_cCode</c> and <c>qty</c>. Orders due for the automatic shipment ship first.
/// </summary>
public static class YonBipSimSalesOuts
{
    private const string TimeFormat = "yyyy-MM-dd HH:mm:ss";
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static JsonNode List(YonBipSimulatorState state, JsonObject? body)
    {
        ArgumentNullException.ThrowIfNull(state);
        ((ISimShippingErp)state).ShipDue();
        DateTimeOffset? from = null, to = null;
        var fromInclusive = true;
        foreach (var vo in body?["simpleVOs"] as JsonArray ?? [])
        {
            var op = YonBipSimJson.Text(vo as JsonObject, "op");
            var first = Time(YonBipSimJson.Text(vo as JsonObject, "value1"));
            if (YonBipSimJson.Text(vo as JsonObject, "field") != "pubts" || op is not ("egt" or "gt" or "between") || first is null)
            {
                return Error(BusinessError, $"列表查询失败：查询条件不合法 {vo?.ToJsonString()}");
            }

            (from, fromInclusive) = (first, op != "gt");
            to = op == "between" ? Time(YonBipSimJson.Text(vo as JsonObject, "value2")) ?? DateTimeOffset.MaxValue : null;
        }

        var pageIndex = Math.Max(1, YonBipSimJson.Int(body, "pageIndex") ?? 1);
        var pageSize = Math.Clamp(YonBipSimJson.Int(body, "pageSize") ?? 10, 1, 500);
        var rows = state.Warehouse.All()
            .Where(b => from is null || (fromInclusive ? Second(b.ShippedAt) >= from : Second(b.ShippedAt) > from))
            .Where(b => to is null || Second(b.ShippedAt) <= to)
            .OrderBy(b => b.ShippedAt)
            .SelectMany(b => b.Lines.Select(l => Row(b, l)))
            .ToList();
        return Ok(new JsonObject
        {
            ["pageIndex"] = pageIndex,
            ["pageSize"] = pageSize,
            ["recordCount"] = rows.Count,
            ["pageCount"] = (rows.Count + pageSize - 1) / pageSize,
            ["recordList"] = new JsonArray(rows.Skip((pageIndex - 1) * pageSize).Take(pageSize).Select(r => (JsonNode?)r).ToArray()),
        });
    }

    private static JsonObject Row(SimOutbound bill, SimShipLine line)
    {
        var at = bill.ShippedAt.ToOffset(ChinaOffset);
        return new JsonObject
        {
            ["code"] = bill.Number,
            ["pubts"] = at.ToString(TimeFormat, CultureInfo.InvariantCulture),
            ["vouchdate"] = at.ToString("yyyy-MM-dd 00:00:00", CultureInfo.InvariantCulture),
            ["bustype_name"] = "销售出库",
            ["firstupcode"] = bill.OrderNumber,
            ["iLogisticId"] = bill.Carrier,
            ["iLogisticId_name"] = bill.Carrier,
            ["cLogisticsBillNo"] = bill.Waybill,
            ["product_cCode"] = line.Material,
            ["qty"] = line.Quantity,
        };
    }

    private static DateTimeOffset Second(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private static DateTimeOffset? Time(string? text) =>
        DateTime.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? new DateTimeOffset(t, ChinaOffset) : null;
}
