using System.Globalization;
using System.Text.Json.Nodes;
using ServerlessSync.Simulators.Shipping;
using static ServerlessSync.Simulators.Jushuitan.JushuitanSimAnswers;

namespace ServerlessSync.Simulators.Jushuitan;

/// <summary>
/// 销售出库查询 <c>/open/orders/out/simple/query</c> (orders.out.simple.query, loop.md §4.4): outbound documents whose
/// <c>modified</c> lies in <c>modified_begin</c>..<c>modified_end</c> (both required, at most 7 days apart) or with given
/// <c>o_ids</c>/<c>so_ids</c>; <c>page_size</c> at most 100. Each row: <c>io_id</c>, <c>o_id</c>, <c>so_id</c>,
/// <c>status</c> Confirmed (已出库), <c>io_date</c>, <c>l_id</c> (waybill), <c>lc_id</c> (carrier code),
/// <c>logistics_company</c> and <c>items[]</c> (<c>sku_id</c>, <c>qty</c>). Orders due for the automatic shipment ship first.
/// </summary>
public static class JushuitanSimOutbound
{
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(7);

    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    private static readonly Dictionary<string, string> CarrierNames = new(StringComparer.Ordinal)
    {
        ["SF"] = "顺丰速运", ["ZTO"] = "中通快递", ["YTO"] = "圆通速递", ["STO"] = "申通快递", ["YUNDA"] = "韵达快递", ["JD"] = "京东物流", ["EMS"] = "中国邮政EMS",
    };

    public static JsonNode Query(JushuitanSimulatorState state, JsonObject biz)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(biz);
        ((ISimShippingErp)state).ShipDue();
        var begin = JushuitanSimQueries.Time(JushuitanSimJson.Text(biz, "modified_begin"));
        var end = JushuitanSimQueries.Time(JushuitanSimJson.Text(biz, "modified_end"));
        var oIds = JushuitanSimQueries.Strings(biz["o_ids"]);
        var soIds = JushuitanSimQueries.Strings(biz["so_ids"]);
        if ((begin is null) != (end is null))
        {
            return Error(BizInvalid, "modified_begin 与 modified_end 必须同时填写");
        }

        if (begin is null && oIds is null && soIds is null)
        {
            return Error(BizInvalid, "modified_begin/modified_end、o_ids 或 so_ids 至少填写一项");
        }

        if (end - begin > MaxWindow)
        {
            return Error(BizInvalid, "modified_begin 与 modified_end 的时间间隔不能超过7天");
        }

        var pageSize = JushuitanSimJson.Int(biz, "page_size") ?? 30;
        if (pageSize is < 1 or > JushuitanSimQueries.MaxPageSize)
        {
            return Error(BizInvalid, $"page_size 必须在 1 到 {JushuitanSimQueries.MaxPageSize} 之间");
        }

        var orders = state.Store.Orders().ToDictionary(o => o.OId.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal);
        var matching = state.Warehouse.All()
            .Where(b => begin is null || (Second(b.ShippedAt) >= begin && Second(b.ShippedAt) <= end))
            .Where(b => oIds is null || oIds.Contains(b.OrderNumber))
            .Where(b => soIds is null || (orders.TryGetValue(b.OrderNumber, out var o) && soIds.Contains(o.SoId)))
            .OrderBy(b => b.ShippedAt)
            .ToList();
        return JushuitanSimQueries.Page(biz, 30, matching, "datas", b => Row(b, orders.GetValueOrDefault(b.OrderNumber)));
    }

    private static JsonObject Row(SimOutbound outbound, JushuitanSimOrder? order)
    {
        var at = outbound.ShippedAt.ToOffset(ChinaOffset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["io_id"] = long.Parse(outbound.Number, CultureInfo.InvariantCulture),
            ["o_id"] = long.Parse(outbound.OrderNumber, CultureInfo.InvariantCulture),
            ["so_id"] = order?.SoId,
            ["shop_id"] = order is not null && long.TryParse(order.ShopId, out var shop) ? shop : order?.ShopId,
            ["status"] = "Confirmed",
            ["io_date"] = at,
            ["modified"] = at,
            ["l_id"] = outbound.Waybill,
            ["lc_id"] = outbound.Carrier,
            ["logistics_company"] = CarrierNames.GetValueOrDefault(outbound.Carrier, outbound.Carrier),
            ["items"] = new JsonArray(outbound.Lines.Select((l, i) => (JsonNode?)new JsonObject
            {
                ["ioi_id"] = i + 1,
                ["sku_id"] = l.Material,
                ["qty"] = l.Quantity,
                ["name"] = DemoCatalog.Products.FirstOrDefault(p => p.MaterialNumber == l.Material)?.Title ?? l.Material,
            }).ToArray()),
        };
    }

    /// <summary><c>modified</c> is written to the second, so it is compared so.</summary>
    private static DateTimeOffset Second(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
