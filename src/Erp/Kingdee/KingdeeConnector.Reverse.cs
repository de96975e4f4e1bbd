using ServerlessSync.Domain.Erp.Kingdee;

namespace ServerlessSync.Pipeline.Erp.Kingdee;

/// <summary>Reversal: un-audit and delete a bill, through the documented services only.</summary>
public sealed partial class KingdeeConnector
{
    /// <summary>
    /// Re-reads the bill's status (a bill whose platform order number is no longer the one looked up is left alone), then: C → UnAudit (to D) → Delete; B → Audit → UnAudit → Delete, because a submitted
    /// bill can be neither deleted nor un-audited and we use only the documented services (the K/3 "撤销" operation is
    /// not in the reference); A, D and Z → Delete. A bill that no longer exists has already been reversed.
    /// </summary>
    public async Task<ErpWriteOutcome> ReverseAsync(ErpOrderRef existing, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(existing);
        var number = existing.Number;
        var orderLabel = "bill " + number;
        var current = KingdeeSaleOrderQueries.ParseRefs(await QueryAsync(KingdeeSaleOrderQueries.ByBillNo(number), cancellationToken))
            .FirstOrDefault(r => r.Number == number);
        if (current is null)
        {
            KingdeeLog.Reversed(_logger, number, "already gone");
            return ErpWriteOutcome.Reversed(number);
        }

        if (existing.ExternalOrderNo is { } asked && !ErpLookupCheck.IsFor(current, asked))
        {
            return Refused("UnAudit", orderLabel, $"bill {number} carries platform order {current.ExternalOrderNo ?? "(none)"}, not {asked}; not reversed");
        }

        var status = current.DocumentStatus;
        if (status is KingdeeDocumentStatus.Submitted)
        {
            var audited = await WriteAsync(KingdeeServices.Audit, KingdeeOperationRequest.Audit(KingdeeFormIds.SaleOrder, [number]), cancellationToken);
            if (audited.Kind == KingdeeAnswerKind.Rejected)
            {
                return Refused("Audit", orderLabel, $"submitted bill {number} could not be audited for reversal: {audited.Status.ErrorText()}");
            }

            status = KingdeeDocumentStatus.Audited;
        }

        if (status is KingdeeDocumentStatus.Audited)
        {
            var unaudited = await WriteAsync(KingdeeServices.UnAudit, KingdeeOperationRequest.UnAudit(KingdeeFormIds.SaleOrder, [number]), cancellationToken);
            if (unaudited.Kind == KingdeeAnswerKind.Rejected)
            {
                return Refused("UnAudit", orderLabel, unaudited.Status.ErrorText());
            }

            KingdeeLog.Advanced(_logger, number, orderLabel, KingdeeDocumentStatus.Reaudit);
        }

        var deleted = await WriteAsync(KingdeeServices.Delete, KingdeeOperationRequest.Delete(KingdeeFormIds.SaleOrder, [number]), cancellationToken);
        if (deleted.Kind == KingdeeAnswerKind.Rejected)
        {
            return Refused("Delete", orderLabel, deleted.Status.ErrorText());
        }

        KingdeeLog.Reversed(_logger, number, reason);
        return ErpWriteOutcome.Reversed(number);
    }
}
