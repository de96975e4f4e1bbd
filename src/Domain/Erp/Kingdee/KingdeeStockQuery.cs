namespace ServerlessSync.Domain.Erp.Kingdee;

/// <summary>Available stock from STK_Inventory: one row per material × warehouse × lot, summed per material.</summary>
public static class KingdeeStockQuery
{
    public const string MaterialField = "FMaterialId.FNumber";
    public const string AvailableField = "FBaseAvbQty";
    public const string WarehouseField = "FStockId.FNumber";

    public static readonly IReadOnlyList<string> FieldKeys = [MaterialField, AvailableField, WarehouseField];

    public static KingdeeBillQuery ForMaterials(IEnumerable<string> materialNumbers) =>
        new(KingdeeFormIds.Inventory, FieldKeys, KingdeeFilter.In(MaterialField, materialNumbers.Distinct(StringComparer.Ordinal)));

    /// <summary>Adds one page of rows (in <see cref="FieldKeys"/> order) to the running totals.</summary>
    public static void Accumulate(KingdeeQueryResponse page, IDictionary<string, decimal> totals)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(totals);
        foreach (var row in page.Rows)
        {
            if (row.Count < 2 || string.IsNullOrEmpty(row[0]))
            {
                throw new ErpProtocolException("Kingdee STK_Inventory row lacks the material or the quantity.");
            }

            if (!decimal.TryParse(row[1], NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var quantity))
            {
                throw new ErpProtocolException($"Kingdee STK_Inventory quantity '{row[1]}' is not a number.");
            }

            totals[row[0]!] = totals.TryGetValue(row[0]!, out var sum) ? sum + quantity : quantity;
        }
    }

    public static StockLevels ToStockLevels(IEnumerable<string> requested, IDictionary<string, decimal> totals)
    {
        var result = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var material in requested)
        {
            result[material] = totals.TryGetValue(material, out var q) ? q : 0m;
        }

        return new StockLevels(result);
    }
}
