using ServerlessSync.Domain.Mapping;
using ServerlessSync.Pipeline.Ledger;
using ServerlessSync.Pipeline.Ports;
using ServerlessSync.Pipeline.Profiles;

namespace ServerlessSync.Pipeline.Sync;

/// <summary>
/// Compares the order with the ledger (what is missing?) and maps it through the shop's profile. The profile's
/// status map may override how this shop's platform status codes read.
/// </summary>
public sealed class SyncPlanner(OrderLedger ledger, ProfileStore profiles, IErpConnector erp)
{
    /// <summary>How stale a profile edit made through another worker may be when an order is planned.</summary>
    public static readonly TimeSpan ProfileMaxAge = TimeSpan.FromSeconds(5);

    public async Task<PreparedOrder> PlanAsync(Order fetched, CancellationToken cancellationToken)
    {
        var erpTarget = $"erp:{erp.Kind}";
        var profile = await profiles.GetCachedAsync(fetched.Key.Platform, fetched.Key.ShopId, ProfileMaxAge, cancellationToken);
        var order = profile is not null ? OrderPlanner.WithShopStatus(fetched, profile) : fetched;
        var entry = await ledger.GetAsync(order.Key, cancellationToken);
        var action = SyncDecision.Decide(order.Status, entry?.ErpOrderNumber, entry?.Status);
        if (action != SyncAction.CreateErpOrder)
        {
            return new PreparedOrder(OrderSummary.From(order), new SyncPlan { Action = action, ErpOrderNumber = entry?.ErpOrderNumber, ErpTarget = erpTarget });
        }

        if (profile is null)
        {
            return new PreparedOrder(OrderSummary.From(order), new SyncPlan
            {
                Action = action,
                ErpTarget = erpTarget,
                QuarantineReasons = [$"no mapping profile for shop {order.Key.Platform}:{order.Key.ShopId}"],
            });
        }

        var planned = OrderPlanner.Plan(order, profile);
        return new PreparedOrder(OrderSummary.From(order), new SyncPlan
        {
            Action = action,
            Document = planned.Document,
            QuarantineReasons = planned.QuarantineReasons,
            HoldReasons = planned.HoldReasons,
            UnmappedSkus = planned.UnmappedSkus,
            StockPolicy = profile.StockPolicy,
            StockHoldMinutes = profile.StockHoldMinutes,
            StockRecheckSeconds = profile.StockRecheckSeconds,
            ErpTarget = erpTarget,
        });
    }
}
