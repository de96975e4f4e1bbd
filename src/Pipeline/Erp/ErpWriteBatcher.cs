using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServerlessSync.Domain.Erp;
using ServerlessSync.Pipeline.Ports;

namespace ServerlessSync.Pipeline.Erp;

/// <summary>
/// Writes the sales orders of concurrent WriteErp activities together (DESIGN D4), one per worker process: one
/// governed look-up for the whole batch, CompleteExisting for orders found half-way, then one governed batch create
/// for the rest, and each caller gets its own outcome. Exactly-once (DESIGN D3) holds as for a single order: every
/// attempt looks up before creating, so when a batch create fails transiently (timeout, 5xx, throttled) every order
/// in it is reported Transient and its durable retry finds whatever the ERP did commit. A business refusal of one
/// order rejects only that order. With a connector whose <see cref="IErpConnector.MaxBatchSize"/> is 1 each order is
/// looked up and written on its own, as before batching.
/// </summary>
public sealed class ErpWriteBatcher : IDisposable
{
    private readonly IErpConnector _erp;
    private readonly ErpGovernor _governor;
    private readonly ILogger<ErpWriteBatcher> _logger;
    private readonly ErpRequestBatcher<ErpSalesOrder, ErpWriteOutcome> _batcher;

    public ErpWriteBatcher(IErpConnector erp, ErpGovernor governor, IOptions<ErpBatchingOptions> options, TimeProvider time, ILogger<ErpWriteBatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _erp = erp;
        _governor = governor;
        _logger = logger;
        _batcher = new ErpRequestBatcher<ErpSalesOrder, ErpWriteOutcome>(
            erp.MaxBatchSize > 1 ? WriteBatchAsync : WriteEachAsync, ErpBatchPolicy.For(erp, governor, options.Value), time);
    }

    /// <summary>Created, AlreadyExists, Rejected or Transient for this document; waits for at most one batch window first.</summary>
    public Task<ErpWriteOutcome> WriteAsync(ErpSalesOrder document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        return _batcher.SubmitAsync(document, cancellationToken);
    }

    public void Dispose() => _batcher.Dispose();

    private async Task WriteEachAsync(IReadOnlyList<ErpBatchEntry<ErpSalesOrder, ErpWriteOutcome>> entries)
    {
        foreach (var entry in entries)
        {
            try
            {
                entry.Answer(await _governor.RunAsync(ct => WriteOneAsync(entry.Request, ct), CancellationToken.None));
            }
            catch (ErpTransientException ex)
            {
                entry.Answer(ErpWriteOutcome.Transient(ex.Message));
            }
        }
    }

    private async Task<ErpWriteOutcome> WriteOneAsync(ErpSalesOrder document, CancellationToken cancellationToken)
    {
        var existing = await _erp.FindByExternalOrderNoAsync(document.ExternalOrderNo, cancellationToken);
        return existing is not null
            ? await _erp.CompleteExistingAsync(existing, cancellationToken)
            : await _erp.CreateSalesOrderAsync(document, cancellationToken);
    }

    private async Task WriteBatchAsync(IReadOnlyList<ErpBatchEntry<ErpSalesOrder, ErpWriteOutcome>> entries)
    {
        // The same platform order twice in one batch (a redelivered activity) is written once and both callers hear the outcome.
        var orders = entries.GroupBy(e => e.Request.ExternalOrderNo, StringComparer.Ordinal).ToList();
        IReadOnlyDictionary<string, ErpOrderRef> existing;
        try
        {
            existing = await _governor.RunAsync(ct => _erp.FindManyByExternalOrderNoAsync(orders.Select(o => o.Key).ToList(), ct), CancellationToken.None);
        }
        catch (ErpTransientException ex)
        {
            ErpBatchLog.WriteBatchTransient(_logger, orders.Count, "look-up", ex.Message);
            AnswerAll(entries, ErpWriteOutcome.Transient(ex.Message));
            return;
        }

        var tally = new Tally(existing.Count);
        var toCreate = new List<IGrouping<string, ErpBatchEntry<ErpSalesOrder, ErpWriteOutcome>>>();
        foreach (var order in orders)
        {
            if (existing.TryGetValue(order.Key, out var found))
            {
                try
                {
                    AnswerAll(order, tally.Count(await CompleteAsync(found)));
                }
                catch (Exception ex)
                {
                    // Only this order's callers: the others' orders are not concerned.
                    foreach (var entry in order)
                    {
                        entry.Fail(ex);
                    }
                }
            }
            else
            {
                toCreate.Add(order);
            }
        }

        if (toCreate.Count > 0)
        {
            await CreateAsync(toCreate, tally);
        }

        ErpBatchLog.WriteBatch(_logger, orders.Count, tally.Found, tally.Created, tally.Rejected, tally.Transient);
    }

    private async Task<ErpWriteOutcome> CompleteAsync(ErpOrderRef found)
    {
        try
        {
            return await _governor.RunAsync(ct => _erp.CompleteExistingAsync(found, ct), CancellationToken.None);
        }
        catch (ErpTransientException ex)
        {
            return ErpWriteOutcome.Transient(ex.Message);
        }
    }

    private async Task CreateAsync(List<IGrouping<string, ErpBatchEntry<ErpSalesOrder, ErpWriteOutcome>>> orders, Tally tally)
    {
        IReadOnlyList<ErpWriteOutcome> outcomes;
        try
        {
            outcomes = await _governor.RunAsync(ct => _erp.CreateSalesOrdersAsync(orders.Select(o => o.First().Request).ToList(), ct), CancellationToken.None);
        }
        catch (ErpTransientException ex)
        {
            ErpBatchLog.WriteBatchTransient(_logger, orders.Count, "create", ex.Message);
            foreach (var order in orders)
            {
                AnswerAll(order, tally.Count(ErpWriteOutcome.Transient(ex.Message)));
            }

            return;
        }

        if (outcomes.Count != orders.Count)
        {
            throw new ErpProtocolException($"The {_erp.Kind} connector answered {outcomes.Count} outcomes for {orders.Count} orders.");
        }

        for (var i = 0; i < orders.Count; i++)
        {
            AnswerAll(orders[i], tally.Count(outcomes[i]));
        }
    }

    private static void AnswerAll(IEnumerable<ErpBatchEntry<ErpSalesOrder, ErpWriteOutcome>> entries, ErpWriteOutcome outcome)
    {
        foreach (var entry in entries)
        {
            entry.Answer(outcome);
        }
    }

    private sealed class Tally(int found)
    {
        public int Found { get; } = found;

        public int Created { get; private set; }

        public int Rejected { get; private set; }

        public int Transient { get; private set; }

        public ErpWriteOutcome Count(ErpWriteOutcome outcome)
        {
            switch (outcome.Result)
            {
                case ErpWriteResult.Created:
                    Created++;
                    break;
                case ErpWriteResult.Rejected:
                    Rejected++;
                    break;
                case ErpWriteResult.Transient:
                    Transient++;
                    break;
            }

            return outcome;
        }
    }
}
