namespace ServerlessSync.Pipeline.Erp;

/// <summary>
/// Stock checks of concurrent CheckStock activities share one governed stock query over the union of their materials
/// (one per worker process). Each caller gets the levels of its own materials and judges its own shortages; a failed
/// query fails every caller of that batch with its exception. With a connector whose
/// <see cref="IErpConnector.MaxBatchSize"/> is 1 each check queries on its own, as before batching.
/// </summary>
public sealed class ErpStockBatcher : IErpStockReader, IDisposable
{
    private readonly IErpConnector _erp;
    private readonly ErpGovernor _governor;
    private readonly ErpRequestBatcher<IReadOnlyCollection<string>, StockLevels> _batcher;

    public ErpStockBatcher(IErpConnector erp, ErpGovernor governor, IOptions<ErpBatchingOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _erp = erp;
        _governor = governor;
        _batcher = new ErpRequestBatcher<IReadOnlyCollection<string>, StockLevels>(QueryAsync, ErpBatchPolicy.For(erp, governor, options.Value), time);
    }

    /// <summary>Available stock of these materials, from a query that may also serve other callers.</summary>
    public Task<StockLevels> GetStockAsync(IReadOnlyCollection<string> materialNumbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(materialNumbers);
        return _batcher.SubmitAsync(materialNumbers, cancellationToken);
    }

    public void Dispose() => _batcher.Dispose();

    private async Task QueryAsync(IReadOnlyList<ErpBatchEntry<IReadOnlyCollection<string>, StockLevels>> entries)
    {
        var union = entries.SelectMany(e => e.Request).Where(m => !string.IsNullOrEmpty(m)).Distinct(StringComparer.Ordinal).ToList();
        var levels = await _governor.RunAsync(ct => _erp.GetStockAsync(union, ct), CancellationToken.None);
        foreach (var entry in entries)
        {
            var own = entry.Request.Distinct(StringComparer.Ordinal).ToDictionary(m => m, levels.Available, StringComparer.Ordinal);
            entry.Answer(new StockLevels(own));
        }
    }
}
