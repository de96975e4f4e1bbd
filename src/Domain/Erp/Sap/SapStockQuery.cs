namespace ServerlessSync.Domain.Erp.Sap;

/// <summary>
/// Physical stock from API_MATERIAL_STOCK_SRV/A_MatlStkInAcctMod: one row per material × plant × storage location ×
/// batch × special stock × stock type. Unrestricted-use stock (<c>InventoryStockType</c> '01') of the plant is summed per
/// material. This is physical stock, not ATP: open sales orders do not reduce it.
/// </summary>
public static class SapStockQuery
{
    public const string MaterialField = "Material";
    public const string PlantField = "Plant";
    public const string StockTypeField = "InventoryStockType";
    public const string QuantityField = "MatlWrhsStkQtyInMatlBaseUnit";
    public const string UnrestrictedUse = "01";

    public static readonly IReadOnlyList<string> Fields = [MaterialField, PlantField, "StorageLocation", "Batch", StockTypeField, QuantityField];

    public static SapODataQuery ForMaterials(IEnumerable<string> materials, string plant) =>
        SapODataQuery.Empty
            .Filter(SapODataFilter.And(
                SapODataFilter.AnyEqual(MaterialField, materials.Distinct(StringComparer.Ordinal)),
                SapODataFilter.Equal(PlantField, plant),
                SapODataFilter.Equal(StockTypeField, UnrestrictedUse)))
            .Select(Fields)
            .JsonFormat();

    /// <summary>Adds one page to the running totals and returns its <c>__next</c> link, if any.</summary>
    /// <remarks>Rows are checked again here, so a gateway that ignores part of the filter cannot inflate the stock.</remarks>
    public static string? Accumulate(string json, string plant, IDictionary<string, decimal> totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var page = SapODataJson.ReadCollection(json);
        foreach (var row in page.Rows)
        {
            var material = row.GetValueOrDefault(MaterialField);
            if (string.IsNullOrEmpty(material))
            {
                throw new ErpProtocolException("SAP stock row lacks the material.");
            }

            var quantity = SapODataValues.ParseDecimal(row.GetValueOrDefault(QuantityField))
                ?? throw new ErpProtocolException($"SAP stock quantity '{row.GetValueOrDefault(QuantityField)}' of {material} is not a number.");
            if (row.GetValueOrDefault(PlantField) is { } rowPlant && rowPlant != plant)
            {
                continue;
            }

            if (row.GetValueOrDefault(StockTypeField) is { } type && type != UnrestrictedUse)
            {
                continue;
            }

            totals[material] = totals.TryGetValue(material, out var sum) ? sum + quantity : quantity;
        }

        return page.NextLink;
    }

    public static StockLevels ToStockLevels(IEnumerable<string> requested, IDictionary<string, decimal> totals)
    {
        ArgumentNullException.ThrowIfNull(requested);
        ArgumentNullException.ThrowIfNull(totals);
        var result = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var material in requested)
        {
            result[material] = totals.TryGetValue(material, out var q) ? q : 0m;
        }

        return new StockLevels(result);
    }
}
