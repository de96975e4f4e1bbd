using ServerlessSync.Domain.Erp;

namespace ServerlessSync.Domain.Mapping;

public sealed record StockShortage(string MaterialNumber, int Required, decimal Available);

/// <summary>Compares what a document needs with what the ERP has, summing lines of the same material.</summary>
public static class StockCheck
{
    public static IReadOnlyList<StockShortage> Shortages(ErpSalesOrder document, StockLevels levels) =>
        document.Lines
            .GroupBy(l => l.MaterialNumber)
            .Select(g => new StockShortage(g.Key, g.Sum(l => l.Quantity), levels.Available(g.Key)))
            .Where(s => s.Available < s.Required)
            .ToList();
}
