using ServerlessSync.Domain.Erp;

namespace ServerlessSync.Domain.Mapping;

public sealed record StockShortage(string MaterialNumber, int Required, decimal Available);

/// <summary>
/// Compares what a document needs with what the ERP has, summing lines of the same material. A freight charge line
/// takes nothing from stock and is not checked.
/// </summary>
public static class StockCheck
{
    /// <summary>The materials whose stock the document needs.</summary>
    public static IReadOnlyList<string> Materials(ErpSalesOrder document) =>
        document.Lines.Where(l => !l.IsFreight).Select(l => l.MaterialNumber).Distinct().ToList();

    public static IReadOnlyList<StockShortage> Shortages(ErpSalesOrder document, StockLevels levels) =>
        document.Lines
            .Where(l => !l.IsFreight)
            .GroupBy(l => l.MaterialNumber)
            .Select(g => new StockShortage(g.Key, g.Sum(l => l.Quantity), levels.Available(g.Key)))
            .Where(s => s.Available < s.Required)
            .ToList();
}
