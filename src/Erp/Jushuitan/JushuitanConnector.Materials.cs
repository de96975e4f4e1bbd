using ServerlessSync.Domain.Erp.Jushuitan;

namespace ServerlessSync.Pipeline.Erp.Jushuitan;

/// <summary>
/// The material search: 普通商品资料查询 (sku/query) by name, which matches part of the name, then, when the names did not
/// fill the page, by the text as one exact 商品编码 (sku_ids takes whole codes only). Both through the governed read client.
/// </summary>
public sealed partial class JushuitanConnector : IErpMaterialSearch
{
    public async Task<IReadOnlyList<ErpMaterial>> SearchMaterialsAsync(string text, int top, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var pageSize = Math.Clamp(top, 1, JushuitanSkuQuery.MaxPageSize);
        var byName = JushuitanSkuQuery.Parse(await ReadAsync(JushuitanPaths.SkuQuery, JushuitanSkuQuery.ByName(text, pageSize), cancellationToken));
        // A comma would split the text into several codes; such a text cannot be one code.
        var byCode = byName.Count >= pageSize || text.Contains(',', StringComparison.Ordinal)
            ? []
            : JushuitanSkuQuery.Parse(await ReadAsync(JushuitanPaths.SkuQuery, JushuitanSkuQuery.BySkuIds([text], pageSize), cancellationToken));
        return byCode.Concat(byName).DistinctBy(m => m.Number, StringComparer.Ordinal).Take(pageSize).ToList();
    }
}
