using ServerlessSync.Domain.Orders;

namespace ServerlessSync.Pipeline.Erp;

/// <summary>
/// Reverses an order's ERP document: looked up by its external order number through the governor, then closed or
/// cancelled by the connector. Finding nothing is only final once no earlier create of it can still commit
/// (<see cref="ErpCommitHorizon"/>): until then the answer is transient, so the caller looks again.
/// </summary>
public sealed class ErpReversal(IErpConnector erp, ErpGovernor governor, ErpCreateMarkers markers, IOptions<ErpCommitOptions> commit, TimeProvider clock) : IErpOrderReverser
{
    public async Task<ErpWriteOutcome> ReverseAsync(OrderKey key, string? erpOrderNumber, string reason, CancellationToken cancellationToken)
    {
        var externalOrderNo = key.OrderId;
        var lookedUpAt = clock.GetUtcNow();
        return await governor.RunAsync(
            async ct => await erp.FindByExternalOrderNoAsync(externalOrderNo, ct) is { } existing && ErpLookupCheck.IsFor(existing, externalOrderNo)
                ? await erp.ReverseAsync(existing, reason, ct)
                : null,
            cancellationToken)
            ?? await NothingFoundAsync(key, erpOrderNumber, lookedUpAt, cancellationToken);
    }

    private async Task<ErpWriteOutcome> NothingFoundAsync(OrderKey key, string? erpOrderNumber, DateTimeOffset lookedUpAt, CancellationToken cancellationToken)
    {
        var identity = new ErpOrderIdentity(key.Platform, key.ShopId, key.OrderId);
        var marker = (await markers.GetAsync([identity], cancellationToken)).GetValueOrDefault(key.OrderId);
        if (ErpCommitHorizon.InconclusiveUntil(marker, lookedUpAt, commit.Value.CommitHorizon) is { } until)
        {
            return ErpWriteOutcome.Transient(
                $"the ERP holds no order yet, but an earlier create got no answer and may still commit; looking again after {until:O}");
        }

        return erpOrderNumber is { Length: > 0 } known ? ErpWriteOutcome.Reversed(known) : ErpWriteOutcome.NotFound();
    }
}
