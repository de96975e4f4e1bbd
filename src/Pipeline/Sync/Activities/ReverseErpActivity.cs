using Microsoft.DurableTask;
using ServerlessSync.Domain.Erp;
using ServerlessSync.Pipeline.Ports;

namespace ServerlessSync.Pipeline.Sync.Activities;

/// <summary>What to reverse: the platform order (its number is what the ERP order carries), the ERP number the ledger knows if any, and why.</summary>
public sealed record ReverseRequest(OrderKey Key, string? ErpOrderNumber, string Reason)
{
    public string ExternalOrderNo => Key.OrderId;
}

/// <summary>
/// Closes or reverses the ERP order of a platform order that was cancelled or refunded after it was written, in
/// the ERP's own way (Kingdee UnAudit + Delete, YonBIP close, SAP item rejection, Jushuitan TRADE_CLOSED). Looked
/// up first, so a retry after a lost answer finds the order already reversed, and an order the ledger never
/// recorded as written is found and reversed too. A look-up that finds nothing while an earlier create may still
/// commit (ErpCommitHorizon) is retried later; after that it answers NotFound (or Reversed, when the
/// ledger knew a number: the order is gone). Transient failures throw for the durable retry; a refusal comes back as
/// Rejected.
/// </summary>
public sealed class ReverseErpActivity(IErpOrderReverser erp, ILogger<ReverseErpActivity> logger) : TaskActivity<ReverseRequest, ErpWriteOutcome>
{
    public override async Task<ErpWriteOutcome> RunAsync(TaskActivityContext context, ReverseRequest input)
    {
        var outcome = await erp.ReverseAsync(input.Key, input.ErpOrderNumber, input.Reason, CancellationToken.None);
        logger.LogInformation("ERP reversal for {InstanceId}: {Result} {ErpOrderNumber}", context.InstanceId, outcome.Result, outcome.ErpOrderNumber);
        if (outcome.Result == ErpWriteResult.Transient)
        {
            throw new ErpTransientException(outcome.Reason ?? "transient ERP failure");
        }

        return outcome;
    }
}
