using System.Globalization;
using System.Text.Json.Nodes;
using static ServerlessSync.Simulators.Jushuitan.JushuitanSimAnswers;

namespace ServerlessSync.Simulators.Jushuitan;

/// <summary>
/// 普通商品资料查询 (按sku查询) <c>/open/sku/query</c> over the demo material master, with the published rules: one of
/// <c>sku_ids</c> (商品编码, comma-separated, exact, at most 20), <c>name</c> (one name, matched in part),
/// <c>exactly_name</c>, <c>sku_codes</c> (辅助码) or <c>modified_begin</c>/<c>modified_end</c> (both, at most 7 days
/// apart) is required; <c>page_size</c> defaults to 30 and is at most 50. Every material counts as modified when the
/// simulator started; the demo materials have no 辅助码.
/// </summary>
public static class JushuitanSimSkus
{
    public const int MaxSkuIds = 20;
    public const int MaxPageSize = 50;

    public static JsonNode Query(JushuitanSimulatorState state, JsonObject biz)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(biz);
        var skuIds = JushuitanSimJson.Text(biz, "sku_ids")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var name = JushuitanSimJson.Text(biz, "name");
        var exactName = JushuitanSimJson.Text(biz, "exactly_name");
        var skuCodes = JushuitanSimJson.Text(biz, "sku_codes");
        var begin = JushuitanSimQueries.Time(JushuitanSimJson.Text(biz, "modified_begin"));
        var end = JushuitanSimQueries.Time(JushuitanSimJson.Text(biz, "modified_end"));
        if ((begin is null) != (end is null))
        {
            return Error(BizInvalid, "modified_begin 与 modified_end 必须同时填写");
        }

        if (begin is null && skuIds is not { Length: > 0 } && string.IsNullOrEmpty(name) && string.IsNullOrEmpty(exactName) && string.IsNullOrEmpty(skuCodes))
        {
            return Error(BizInvalid, "商品编码、商品名称、辅助码与修改时间不能同时为空");
        }

        if (end - begin > JushuitanSimOutbound.MaxWindow)
        {
            return Error(BizInvalid, "modified_begin 与 modified_end 的时间间隔不能超过7天");
        }

        if (skuIds is { Length: > MaxSkuIds })
        {
            return Error(BizInvalid, $"sku_ids 最多{MaxSkuIds}个");
        }

        var pageSize = JushuitanSimJson.Int(biz, "page_size") ?? 30;
        if (pageSize is < 1 or > MaxPageSize)
        {
            return Error(BizInvalid, $"page_size 必须在 1 到 {MaxPageSize} 之间");
        }

        var modified = state.MaterialsModifiedAt;
        var matching = DemoCatalog.MaterialMaster
            .Where(m => skuIds is not { Length: > 0 } || skuIds.Contains(m.Number, StringComparer.Ordinal))
            .Where(m => string.IsNullOrEmpty(name) || m.Name.Contains(name, StringComparison.Ordinal))
            .Where(m => string.IsNullOrEmpty(exactName) || m.Name == exactName)
            .Where(_ => string.IsNullOrEmpty(skuCodes))
            .Where(_ => begin is null || (modified >= begin && modified <= end))
            .OrderBy(m => m.Number, StringComparer.Ordinal)
            .ToList();
        return JushuitanSimQueries.Page(biz, 30, matching, "datas", m => new JsonObject
        {
            ["sku_id"] = m.Number,
            ["i_id"] = m.Number,
            ["name"] = m.Name,
            ["properties_value"] = m.Specification,
            ["unit"] = m.Unit,
            ["enabled"] = 1,
            ["modified"] = modified.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        });
    }
}
