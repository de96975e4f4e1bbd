using System.Globalization;
using System.Text.Json.Nodes;
using static ServerlessSync.Simulators.Jushuitan.JushuitanSimAnswers;

namespace ServerlessSync.Simulators.Jushuitan;

/// <summary>orders/single/query and inventory/query over the simulator's store, paged with has_next.</summary>
public static class JushuitanSimQueries
{
    public const int MaxPageSize = 100;

    /// <summary>By so_ids, o_ids, or a modified_begin/modified_end range (both required together); optional shop_id.</summary>
    public static JsonNode Orders(JushuitanSimulatorState state, JsonObject? biz)
    {
        ArgumentNullException.ThrowIfNull(state);
        var soIds = Strings(biz?["so_ids"]);
        var oIds = Strings(biz?["o_ids"]);
        var begin = Time(JushuitanSimJson.Text(biz, "modified_begin"));
        var end = Time(JushuitanSimJson.Text(biz, "modified_end"));
        if ((begin is null) != (end is null))
        {
            return Error(BizInvalid, "modified_begin 与 modified_end 必须同时填写");
        }

        if (soIds is null && oIds is null && begin is null)
        {
            return Error(BizInvalid, "so_ids、o_ids 或 modified_begin/modified_end 至少填写一项");
        }

        var shopId = JushuitanSimJson.Text(biz, "shop_id");
        var matches = state.Options.OrderLookupIgnoresFilter ? state.Store.Orders().ToList() : state.Store.Orders()
            .Where(o => shopId is null || o.ShopId == shopId)
            .Where(o => soIds is null || soIds.Contains(o.SoId))
            .Where(o => oIds is null || oIds.Contains(o.OId.ToString(CultureInfo.InvariantCulture)))
            .Where(o => begin is null || (o.Modified >= begin && o.Modified <= end))
            .ToList();
        return Page(biz, 30, matches, "orders", JushuitanSimAnswers.Order);
    }

    /// <summary>By sku_ids (a comma-separated string); rows carry qty, order_lock and pick_lock.</summary>
    public static JsonNode Inventory(JushuitanSimulatorState state, JsonObject? biz)
    {
        ArgumentNullException.ThrowIfNull(state);
        var skuIds = JushuitanSimJson.Text(biz, "sku_ids")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var hasOtherFilter = new[] { "i_ids", "names", "modified_begin", "ts" }.Any(k => JushuitanSimJson.Text(biz, k) is { Length: > 0 });
        if (skuIds is not { Length: > 0 } && !hasOtherFilter)
        {
            return Error(BizInvalid, "sku_ids、i_ids、names、修改时间或 ts 至少填写一项");
        }

        var wmsCoId = JushuitanSimJson.Long(JushuitanSimJson.Text(biz, "wms_co_id")) ?? 0;
        var rows = state.Store.Stock()
            .Where(s => skuIds is not { Length: > 0 } || skuIds.Contains(s.Key))
            .Select(s => (Sku: s.Key, Stock: s.Value))
            .ToList();
        return Page(biz, 30, rows, "inventorys", r => new JsonObject
        {
            ["sku_id"] = r.Sku,
            ["i_id"] = r.Sku,
            ["name"] = DemoCatalog.Products.FirstOrDefault(p => p.MaterialNumber == r.Sku)?.Title ?? r.Sku,
            ["qty"] = r.Stock.Qty,
            ["order_lock"] = r.Stock.OrderLock,
            ["pick_lock"] = r.Stock.PickLock,
            ["virtual_qty"] = 0,
            ["purchase_qty"] = 0,
            ["return_qty"] = 0,
            ["in_qty"] = 0,
            ["defective_qty"] = 0,
            ["wms_co_id"] = wmsCoId,
        });
    }

    internal static JsonObject Page<T>(JsonObject? biz, int defaultSize, IReadOnlyList<T> all, string listName, Func<T, JsonObject> row)
    {
        var pageIndex = Math.Max(1, JushuitanSimJson.Int(biz, "page_index") ?? 1);
        var pageSize = Math.Clamp(JushuitanSimJson.Int(biz, "page_size") ?? defaultSize, 1, MaxPageSize);
        var pageCount = (all.Count + pageSize - 1) / pageSize;
        return Ok(new JsonObject
        {
            ["page_index"] = pageIndex,
            ["page_size"] = pageSize,
            ["data_count"] = all.Count,
            ["page_count"] = pageCount,
            ["has_next"] = pageIndex < pageCount,
            [listName] = new JsonArray(all.Skip((pageIndex - 1) * pageSize).Take(pageSize).Select(r => (JsonNode?)row(r)).ToArray()),
        });
    }

    internal static HashSet<string>? Strings(JsonNode? node) => node is JsonArray array && array.Count > 0
        ? array.Select(JushuitanSimJson.Text).Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToHashSet(StringComparer.Ordinal)
        : null;

    internal static DateTimeOffset? Time(string? text) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? new DateTimeOffset(t, TimeSpan.FromHours(8))
            : null;
}
