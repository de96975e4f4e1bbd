using ServerlessSync.Domain.Erp.Kingdee;

namespace ServerlessSync.Pipeline.Erp.Kingdee;

/// <summary>Stock from STK_Inventory and material search in BD_MATERIAL.</summary>
public sealed partial class KingdeeConnector
{
    public async Task<StockLevels> GetStockAsync(IReadOnlyCollection<string> materialNumbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(materialNumbers);
        var requested = materialNumbers.Where(m => !string.IsNullOrEmpty(m)).Distinct(StringComparer.Ordinal).ToList();
        var totals = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var batch in requested.Chunk(_options.StockQueryBatchSize))
        {
            var query = KingdeeStockQuery.ForMaterials(batch);
            while (true)
            {
                var page = await QueryAsync(query, cancellationToken);
                KingdeeStockQuery.Accumulate(page, totals);
                if (page.Rows.Count < query.Limit)
                {
                    break;
                }

                query = query.NextPage();
            }
        }

        return KingdeeStockQuery.ToStockLevels(requested, totals);
    }

    public async Task<IReadOnlyList<ErpMaterial>> SearchMaterialsAsync(string text, int top, CancellationToken cancellationToken) =>
        KingdeeMaterialQuery.Parse(await QueryAsync(KingdeeMaterialQuery.Search(text, top), cancellationToken));
}
