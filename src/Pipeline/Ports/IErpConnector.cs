using ServerlessSync.Domain.Erp;

namespace ServerlessSync.Pipeline.Ports;

/// <summary>
/// One ERP's sales-order and stock API. Implementations follow the ERP's real protocol and classify every
/// failure: business refusals become <see cref="ErpWriteResult.Rejected"/>; network failures, 5xx, throttling
/// and lost sessions throw <see cref="ErpTransientException"/>. Write calls are never retried inside the
/// connector (a retried create could double the order); the caller looks up before every create instead.
/// </summary>
public interface IErpConnector
{
    /// <summary>The <c>Erp:Kind</c> value that selects this connector, e.g. "Kingdee".</summary>
    string Kind { get; }

    Task<StockLevels> GetStockAsync(IReadOnlyCollection<string> materialNumbers, CancellationToken cancellationToken);

    /// <summary>Finds the ERP sales order carrying this platform order number, or null.</summary>
    Task<ErpOrderRef?> FindByExternalOrderNoAsync(string externalOrderNo, CancellationToken cancellationToken);

    /// <summary>Creates the sales order and takes it through the ERP's own approval steps (e.g. Kingdee Save, Submit, Audit).</summary>
    Task<ErpWriteOutcome> CreateSalesOrderAsync(ErpSalesOrder document, CancellationToken cancellationToken);

    /// <summary>
    /// True when the ERP itself refuses or folds a second create of the same platform order, by a key derived from it that
    /// it enforces (YonBIP resubmitCheckKey, Jushuitan so_id per shop): a late commit of an earlier create then cannot
    /// make a second document. False (Kingdee, SAP) makes the write path wait out the commit horizon of an unanswered
    /// create before creating again (<see cref="Erp.ErpWriteBatcher"/>).
    /// </summary>
    bool CreateIsIdempotent => false;

    /// <summary>
    /// The most documents one batch look-up or create may carry (DESIGN D4). 1 means the ERP has no batch API: the batch
    /// methods below then loop over the single-order ones, and callers use those directly.
    /// </summary>
    int MaxBatchSize => 1;

    /// <summary>
    /// Finds the ERP sales orders carrying these platform order numbers, in as few calls as the ERP allows. Numbers
    /// without an ERP order are absent from the result.
    /// </summary>
    async Task<IReadOnlyDictionary<string, ErpOrderRef>> FindManyByExternalOrderNoAsync(IReadOnlyCollection<string> externalOrderNos, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(externalOrderNos);
        var found = new Dictionary<string, ErpOrderRef>(StringComparer.Ordinal);
        foreach (var externalOrderNo in externalOrderNos.Distinct(StringComparer.Ordinal))
        {
            if (await FindByExternalOrderNoAsync(externalOrderNo, cancellationToken) is { } existing)
            {
                found[externalOrderNo] = existing;
            }
        }

        return found;
    }

    /// <summary>
    /// Creates several sales orders (through the ERP's batch API where it has one) and returns one outcome per document,
    /// in input order: a business refusal of one document rejects only that one. A transient failure throws
    /// <see cref="ErpTransientException"/>; documents sent before it may be stored, and the caller's look-up before the
    /// next attempt finds them.
    /// </summary>
    async Task<IReadOnlyList<ErpWriteOutcome>> CreateSalesOrdersAsync(IReadOnlyList<ErpSalesOrder> documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var outcomes = new List<ErpWriteOutcome>(documents.Count);
        foreach (var document in documents)
        {
            outcomes.Add(await CreateSalesOrderAsync(document, cancellationToken));
        }

        return outcomes;
    }

    /// <summary>Finishes an order that exists but stopped half-way (e.g. saved but not audited) and reports AlreadyExists.</summary>
    Task<ErpWriteOutcome> CompleteExistingAsync(ErpOrderRef existing, CancellationToken cancellationToken);

    /// <summary>
    /// Closes or reverses an existing sales order after the platform order was cancelled or refunded, in the ERP's own
    /// way (e.g. Kingdee UnAudit + Delete). Idempotent: reversing an order that is already reversed or closed returns
    /// <see cref="ErpWriteResult.Reversed"/>. Business refusals return Rejected(reason); network failures, 5xx and
    /// throttling throw <see cref="ErpTransientException"/>.
    /// </summary>
    Task<ErpWriteOutcome> ReverseAsync(ErpOrderRef existing, string reason, CancellationToken cancellationToken);
}
