using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using ServerlessSync.Domain.Erp;
using ServerlessSync.Pipeline.Erp;
using ServerlessSync.Pipeline.Ports;

namespace ServerlessSync.Pipeline.Sync.Activities;

/// <summary>What to reverse: the platform order number the ERP order carries, and why.</summary>
public sealed record ReverseRequest(string ExternalOrderNo, string? ErpOrderNumber, string Reason);

/// <summary>
/// Closes or reverses the ERP order of a platform order that was cancelled or refunded after it was written, in
/// the ERP's own way (Kingdee UnAudit + Delete, YonBIP close, SAP item rejection, Jushuitan TRADE_CLOSED). Looked
/// up first, so a retry after a lost answer finds the order already reversed. Transient failures throw for the
/// durable retry; a refusal comes back as Rejected.
/// </summary>
public sealed class ReverseErpActivity(IErpConnector erp, ErpGovernor governor, ILogger<ReverseErpActivity> logger) : TaskActivity<ReverseRequest, ErpWriteOutcome>
{
    public override async Task<ErpWriteOutcome> RunAsync(TaskActivityContext context, ReverseRequest input)
    {
        var outcome = await governor.RunAsync(
            async ct => await erp.FindByExternalOrderNoAsync(input.ExternalOrderNo, ct) is { } existing && ErpLookupCheck.IsFor(existing, input.ExternalOrderNo)
                ? await erp.ReverseAsync(existing, input.Reason, ct)
                : ErpWriteOutcome.Reversed(input.ErpOrderNumber ?? ""),
            CancellationToken.None);
        logger.LogInformation("ERP reversal for {InstanceId}: {Result} {ErpOrderNumber}", context.InstanceId, outcome.Result, outcome.ErpOrderNumber);
        if (outcome.Result == ErpWriteResult.Transient)
        {
            throw new ErpTransientException(outcome.Reason ?? "transient ERP failure");
        }

        return outcome;
    }
}
