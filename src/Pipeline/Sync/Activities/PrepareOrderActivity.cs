using Microsoft.DurableTask;
using ServerlessSync.Pipeline.Ledger;
using ServerlessSync.Pipeline.Mapping;

namespace ServerlessSync.Pipeline.Sync.Activities;

/// <summary>
/// Takes the order's lease for this run (DESIGN D7: no two runs write one order at once), then reads the order's current
/// state from its platform's order-detail API and plans what is missing. The lease is taken before the read, so a run
/// holding it has seen every change accepted before it took it. With nothing missing the lease is given up at once;
/// otherwise the run's last ledger write gives it up. When another run holds it, the order is still read and planned
/// but <see cref="PreparedOrder.HeldBy"/> tells the run to wait its turn. The order's SKUs are recorded as seen
/// (<see cref="SkuSightings"/>, counted once per order). One activity rather than two: every activity
/// costs the task hub queue messages and history rows.
/// </summary>
public sealed class PrepareOrderActivity(OrderPreparer preparer, OrderLeases leases, SyncSettings settings, SkuSightings sightings, TimeProvider clock)
    : TaskActivity<OrderKey, PreparedOrder>
{
    public override async Task<PreparedOrder> RunAsync(TaskActivityContext context, OrderKey input)
    {
        // A per-order run's instance id is the order's (OrderKey.InstanceId); a batch hands its orders over to that owner.
        var owner = input.InstanceId;
        var claim = await leases.AcquireAsync([input], owner, settings.OrderRunLease, CancellationToken.None);
        var prepared = await preparer.PrepareAsync(input, CancellationToken.None);
        sightings.Note([prepared.Order], clock.GetUtcNow());
        if (claim.Busy.Count > 0)
        {
            return prepared with { HeldBy = claim.Busy[0] };
        }

        if (prepared.Plan.Action == SyncAction.Nothing)
        {
            await leases.ReleaseAsync([input], owner, CancellationToken.None);
        }

        return prepared;
    }
}
