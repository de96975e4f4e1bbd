using Microsoft.DurableTask;
using ServerlessSync.Domain.Mapping;
using ServerlessSync.Domain.Orders;
using ServerlessSync.Pipeline.Ledger;
using ServerlessSync.Pipeline.Ports;
using ServerlessSync.Pipeline.Profiles;

namespace ServerlessSync.Pipeline.Sync.Activities;

/// <summary>
/// Compares the order with the ledger (what is missing?) and maps it through the shop's profile. The profile's
/// status map may override how this shop's platform status codes read.
/// </summary>
public sealed class PlanOrderActivity(OrderLedger ledger, ProfileStore profiles, IErpConnector erp) : TaskActivity<Order, SyncPlan>
{
    /// <summary>How stale a profile edit made through another worker may be when an order is planned.</summary>
    public static readonly TimeSpan ProfileMaxAge = TimeSpan.FromSeconds(5);

    public override async Task<SyncPlan> RunAsync(TaskActivityContext context, Order input)
    {
        var erpTarget = $"erp:{erp.Kind}";
        var profile = await profiles.GetCachedAsync(input.Key.Platform, input.Key.ShopId, ProfileMaxAge, CancellationToken.None);
        var order = profile is not null && profile.StatusMap.TryGetValue(input.PlatformStatus, out var mapped) ? input with { Status = mapped } : input;
        var entry = await ledger.GetAsync(order.Key, CancellationToken.None);
        var action = SyncDecision.Decide(order.Status, entry?.ErpOrderNumber, entry?.Status);
        if (action != SyncAction.CreateErpOrder)
        {
            return new SyncPlan { Action = action, ErpOrderNumber = entry?.ErpOrderNumber, ErpTarget = erpTarget };
        }

        if (profile is null)
        {
            return new SyncPlan
            {
                Action = action,
                ErpTarget = erpTarget,
                QuarantineReasons = [$"no mapping profile for shop {order.Key.Platform}:{order.Key.ShopId}"],
            };
        }

        var planned = OrderPlanner.Plan(order, profile);
        return new SyncPlan
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
        };
    }
}
