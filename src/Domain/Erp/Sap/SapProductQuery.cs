namespace ServerlessSync.Domain.Erp.Sap;

/// <summary>
/// The material search on S/4HANA through API_PRODUCT_SRV: <c>A_ProductDescription</c> rows whose product code or
/// description contains the text (OData V2 <c>substringof</c>), then the found products' base units from <c>A_Product</c>.
/// A product has one description per language; the Chinese one is preferred, then English, then any.
/// </summary>
public static class SapProductQuery
{
    public const string Service = "API_PRODUCT_SRV";
    public const string DescriptionSet = "A_ProductDescription";
    public const string ProductSet = "A_Product";
    private static readonly string[] PreferredLanguages = ["ZH", "EN"];

    /// <summary>Several languages per product come back: ask for enough rows to fill <paramref name="top"/> products.</summary>
    public static SapODataQuery Descriptions(string text, int top)
    {
        var literal = SapODataFilter.Quote(text);
        return SapODataQuery.Empty
            .Filter($"substringof({literal},Product) or substringof({literal},ProductDescription)")
            .Select(["Product", "Language", "ProductDescription"])
            .Top(top * 4)
            .JsonFormat();
    }

    public static SapODataQuery BaseUnits(IEnumerable<string> products) =>
        SapODataQuery.Empty
            .Filter(SapODataFilter.AnyEqual("Product", products))
            .Select(["Product", "BaseUnit"])
            .JsonFormat();

    /// <summary>One material per product, in the order the descriptions came, at most <paramref name="top"/>.</summary>
    public static IReadOnlyList<(string Product, string Name)> ParseDescriptions(string json, int top)
    {
        var rows = SapODataJson.ReadCollection(json).Rows;
        return rows
            .Select(r => (Product: r.GetValueOrDefault("Product") is { Length: > 0 } p ? p : throw new ErpProtocolException("SAP A_ProductDescription row lacks the product."),
                Language: r.GetValueOrDefault("Language") ?? "", Name: r.GetValueOrDefault("ProductDescription") ?? ""))
            .GroupBy(r => r.Product, StringComparer.Ordinal)
            .Select(g => (g.Key, g.OrderBy(r => Array.IndexOf(PreferredLanguages, r.Language) is var i && i < 0 ? PreferredLanguages.Length : i).First().Name))
            .Take(top)
            .ToList();
    }

    public static IReadOnlyDictionary<string, string> ParseBaseUnits(string json) =>
        SapODataJson.ReadCollection(json).Rows
            .Where(r => !string.IsNullOrEmpty(r.GetValueOrDefault("Product")))
            .GroupBy(r => r.GetValueOrDefault("Product")!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().GetValueOrDefault("BaseUnit") ?? "", StringComparer.Ordinal);
}
