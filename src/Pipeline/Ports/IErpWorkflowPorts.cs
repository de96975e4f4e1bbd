using ServerlessSync.Domain.Erp;

namespace ServerlessSync.Pipeline.Ports;

/// <summary>
/// The ERP's stock as the workflow reads it: paced by the ERP governor, the reads of concurrent runs joined into the
/// ERP's batch calls. The ERP project implements it over the configured <see cref="IErpConnector"/>.
/// </summary>
public interface IErpStockReader
{
    Task<StockLevels> GetStockAsync(IReadOnlyCollection<string> materialNumbers, CancellationToken cancellationToken);
}

/// <summary>The ERP's sales orders as the workflow creates them: every create looked up first and paced by the governor.</summary>
public interface IErpOrderWriter
{
    /// <summary>Looks the order up and creates it when the ERP holds none; concurrent runs' creates join one batch call.</summary>
    Task<ErpWriteOutcome> WriteAsync(ErpSalesOrder document, CancellationToken cancellationToken);

    /// <summary>
    /// A batch run's documents, looked up and created now in calls of their own. Each task ends with its document's
    /// outcome, or with the exception that ended its call (<see cref="ErpProtocolException"/> when the answer could not
    /// be matched to the documents).
    /// </summary>
    Task<IReadOnlyList<Task<ErpWriteOutcome>>> WriteTogetherAsync(IReadOnlyList<ErpSalesOrder> documents);
}

/// <summary>Reverses (closes or cancels) an order's ERP document after the platform order was cancelled or refunded.</summary>
public interface IErpOrderReverser
{
    /// <summary>Finds the ERP order of <paramref name="key"/> by its external order number and reverses it.</summary>
    /// <param name="erpOrderNumber">The ERP number the ledger knows, if any.</param>
    Task<ErpWriteOutcome> ReverseAsync(OrderKey key, string? erpOrderNumber, string reason, CancellationToken cancellationToken);
}
