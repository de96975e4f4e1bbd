using Microsoft.DurableTask;
using ServerlessSync.Domain.Erp;
using ServerlessSync.Domain.Mapping;
using ServerlessSync.Pipeline.Ports;

namespace ServerlessSync.Pipeline.Sync.Batch;

/// <summary>
/// The batch run's ERP step: one stock query over every document's materials, then the documents with stock go to the
/// ERP through the ERP write batcher the per-order write uses (one look-up of every platform order number,
/// then one batch create of those not found: the look-up before every create, DESIGN D3), all through the ERP governor.
/// They may share a call with other runs' documents waiting at the same moment, so batches grow to the ERP's maximum
/// while the ERP is the bottleneck; the halves of a split go alone (<see cref="WriteErpBatchRequest.Alone"/>). It answers each document on its own and throws for none of them: a refusal rejects that document only, a
/// transient failure makes it Transient, and an answer that cannot be matched to the documents makes them Unattributed,
/// which the run splits and retries.
/// </summary>
public sealed class WriteErpBatchActivity(IErpStockReader stock, IErpOrderWriter erp) : TaskActivity<WriteErpBatchRequest, IReadOnlyList<BatchWriteOutcome>>
{
    public override async Task<IReadOnlyList<BatchWriteOutcome>> RunAsync(TaskActivityContext context, WriteErpBatchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var input = request.Documents;
        StockLevels levels;
        try
        {
            levels = await stock.GetStockAsync(input.SelectMany(d => d.Lines).Select(l => l.MaterialNumber).Distinct(StringComparer.Ordinal).ToList(), CancellationToken.None);
        }
        catch (Exception ex) when (TransientFailures.IsTransient(ex.GetType().FullName))
        {
            return input.Select(_ => new BatchWriteOutcome(BatchWriteKind.Transient, null, $"stock query failed: {ex.Message}")).ToList();
        }

        var outcomes = new BatchWriteOutcome[input.Count];
        var toWrite = new List<int>();
        for (var i = 0; i < input.Count; i++)
        {
            var shortages = StockCheck.Shortages(input[i], levels);
            if (shortages.Count > 0)
            {
                outcomes[i] = new BatchWriteOutcome(BatchWriteKind.StockShort, null, new StockCheckResult(shortages).Describe());
            }
            else
            {
                toWrite.Add(i);
            }
        }

        var documents = toWrite.Select(i => input[i]).ToList();
        var written = request.Alone
            ? await erp.WriteTogetherAsync(documents)
            : documents.Select(d => erp.WriteAsync(d, CancellationToken.None)).ToList();
        for (var k = 0; k < toWrite.Count; k++)
        {
            outcomes[toWrite[k]] = await OutcomeAsync(written[k]);
        }

        return outcomes;
    }

    private static async Task<BatchWriteOutcome> OutcomeAsync(Task<ErpWriteOutcome> written)
    {
        try
        {
            var outcome = await written;
            return outcome.Result switch
            {
                ErpWriteResult.Created or ErpWriteResult.AlreadyExists => new BatchWriteOutcome(BatchWriteKind.InErp, outcome, null),
                ErpWriteResult.Rejected => new BatchWriteOutcome(BatchWriteKind.Rejected, outcome, outcome.Reason),
                _ => new BatchWriteOutcome(BatchWriteKind.Transient, outcome, outcome.Reason),
            };
        }
        catch (ErpProtocolException ex)
        {
            return new BatchWriteOutcome(BatchWriteKind.Unattributed, null, ex.Message);
        }
        catch (ErpTransientException ex)
        {
            return new BatchWriteOutcome(BatchWriteKind.Transient, null, ex.Message);
        }
    }
}
