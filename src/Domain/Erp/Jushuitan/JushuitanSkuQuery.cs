namespace ServerlessSync.Domain.Erp.Jushuitan;

/// <summary>
/// 普通商品资料查询 (按sku查询) <c>/open/sku/query</c>, as the material search of the SKU map: by <c>name</c> (one name,
/// matched in part) or by <c>sku_ids</c> (商品编码, comma-separated, exact, at most <see cref="MaxSkuIds"/>), one page of
/// at most <see cref="MaxPageSize"/> rows. Each <c>datas[]</c> row gives <c>sku_id</c>, <c>name</c>, <c>unit</c> and
/// <c>properties_value</c> (颜色规格).
/// </summary>
public static class JushuitanSkuQuery
{
    /// <summary>Codes per call ("最多20").</summary>
    public const int MaxSkuIds = 20;

    /// <summary>Rows per page ("默认30，最大50").</summary>
    public const int MaxPageSize = 50;

    public static string ByName(string name, int pageSize)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return Build("name", name, pageSize);
    }

    public static string BySkuIds(IReadOnlyCollection<string> skuIds, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(skuIds);
        if (skuIds.Count is 0 or > MaxSkuIds || skuIds.Any(s => string.IsNullOrWhiteSpace(s) || s.Contains(',', StringComparison.Ordinal)))
        {
            throw new ArgumentException($"A SKU query takes 1 to {MaxSkuIds} codes, none empty or holding a comma.", nameof(skuIds));
        }

        return Build("sku_ids", string.Join(',', skuIds), pageSize);
    }

    public static IReadOnlyList<ErpMaterial> Parse(JushuitanResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var data = response.RequireData("sku/query");
        var materials = new List<ErpMaterial>();
        if (!ErpJson.TryGetProperty(data, "datas", out var rows) || rows.ValueKind == JsonValueKind.Null)
        {
            return materials;
        }

        if (rows.ValueKind != JsonValueKind.Array)
        {
            throw new ErpProtocolException("Jushuitan sku/query answered datas that is not a list.");
        }

        foreach (var row in rows.EnumerateArray())
        {
            var sku = ErpJson.ReadStringProperty(row, "sku_id");
            if (string.IsNullOrEmpty(sku))
            {
                throw new ErpProtocolException("Jushuitan sku/query row lacks sku_id.");
            }

            materials.Add(new ErpMaterial(sku, ErpJson.ReadStringProperty(row, "name") ?? "", Blank(ErpJson.ReadStringProperty(row, "unit")), Blank(ErpJson.ReadStringProperty(row, "properties_value"))));
        }

        return materials;
    }

    private static string Build(string filter, string value, int pageSize)
    {
        if (pageSize is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, $"A SKU query page holds 1 to {MaxPageSize} rows.");
        }

        return new JsonObject { [filter] = value, ["page_index"] = 1, ["page_size"] = pageSize }.ToJsonString();
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
