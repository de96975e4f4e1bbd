using ServerlessSync.Domain.Shipments;
using ServerlessSync.Pipeline.Quarantine;

namespace ServerlessSync.Pipeline.Shipments;

/// <summary>
/// A shipment whose ERP carrier has no platform code waits like an order with an unmapped SKU: its order is listed in the
/// quarantine index (status Synced, the reason naming the carrier), and a release puts the order's set-aside shipments
/// back in the queue, to be planned again against the profile as it is then.
/// </summary>
public sealed class ShipmentQuarantine(QuarantineIndex index, ShipmentQueue queue, TimeProvider clock)
{
    public async Task HoldAsync(PendingShipment pending, CancellationToken cancellationToken)
    {
        await queue.SaveAsync(pending with { Quarantined = true, LastError = null }, cancellationToken);
        var reason = ShipmentPlan.UnmappedReason(pending.Shipment.Carrier);
        await index.PutAsync(new QuarantinedOrder(pending.Key, SyncStatus.Synced, reason, [], clock.GetUtcNow()), cancellationToken);
    }

    /// <summary>True for a quarantine entry that is a shipment waiting (the order itself is synced).</summary>
    public static bool IsShipment(QuarantinedOrder waiting) => waiting.Status == SyncStatus.Synced;

    /// <returns>How many shipments went back to the queue.</returns>
    public async Task<int> ReleaseAsync(OrderKey key, CancellationToken cancellationToken)
    {
        var held = (await queue.ListOfOrderAsync(key, cancellationToken)).Where(p => p.Quarantined).ToList();
        foreach (var pending in held)
        {
            await queue.SaveAsync(pending with { Quarantined = false, DueAt = clock.GetUtcNow() }, cancellationToken);
        }

        await index.RemoveAsync(key, cancellationToken);
        return held.Count;
    }
}
