using Microsoft.DurableTask;
using ServerlessSync.Domain.Erp;
using ServerlessSync.Pipeline.Ports;

namespace ServerlessSync.Pipeline.Sync.Activities;

/// <summary>
/// Writes the sales order exactly once (DESIGN D3) through the per-process ERP write batcher, which
/// writes it together with the other orders being written at the same moment: every attempt first looks the platform
/// order number up in the ERP, so a retry after a lost response finds the order instead of creating a second one. A
/// transient outcome throws, which hands the retry to the orchestration's durable retry policy.
/// </summary>
public sealed class WriteErpActivity(IErpOrderWriter batcher, ILogger<WriteErpActivity> logger) : TaskActivity<ErpSalesOrder, ErpWriteOutcome>
{
    public override async Task<ErpWriteOutcome> RunAsync(TaskActivityContext context, ErpSalesOrder input)
    {
        var outcome = await batcher.WriteAsync(input, CancellationToken.None);
        logger.LogInformation("ERP write for {InstanceId}: {Result} {ErpOrderNumber}", context.InstanceId, outcome.Result, outcome.ErpOrderNumber);
        if (outcome.Result == ErpWriteResult.Transient)
        {
            throw new ErpTransientException(outcome.Reason ?? "transient ERP failure");
        }

        return outcome;
    }
}
