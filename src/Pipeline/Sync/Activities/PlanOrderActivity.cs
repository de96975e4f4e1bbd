using Microsoft.DurableTask;
using ServerlessSync.Domain.Mapping;
using ServerlessSync.Domain.Orders;
using ServerlessSync.Pipeline.Ledger;
using ServerlessSync.Pipeline.Ports;
using ServerlessSync.Pipeline.Profiles;

namespace ServerlessSync.Pipeline.Sync.Activities;

/// <summary>Compares the order with the ledger (what is missing?) and maps it through the shop's profile.</summary>
public sealed class PlanOrderActivity(OrderLedger ledger, ProfileStore profiles, IErpConnector erp) : TaskActivity<Order, SyncPlan>
{
    public override async Task<SyncPlan> RunAsync(TaskActivityContext context, Order input)
    {
        var entry = await ledger.GetAsync(input.Key, CancellationToken.None);
        var action = SyncDecision.Decide(input.Status, entry?.ErpOrderNumber, entry?.Status);
        var erpTarget = $"erp:{erp.Kind}";
        if (action != SyncAction.CreateErpOrder)
        {
            return new SyncPlan { Action = action, ErpOrderNumber = entry?.ErpOrderNumber, ErpTarget = erpTarget };
        }

        var profile = await profiles.GetAsync(input.Key.Platform, input.Key.ShopId, CancellationToken.None);
        if (profile is null)
        {
            return new SyncPlan
            {
                Action = action,
                ErpTarget = erpTarget,
                QuarantineReasons = [$"no mapping profile for shop {input.Key.Platform}:{input.Key.ShopId}"],
            };
        }

        var planned = OrderPlanner.Plan(input, profile);
        return new SyncPlan
        {
            Action = action,
            Document = planned.Document,
            QuarantineReasons = planned.QuarantineReasons,
            StockPolicy = profile.StockPolicy,
            StockHoldMinutes = profile.StockHoldMinutes,
            StockRecheckSeconds = profile.StockRecheckSeconds,
            ErpTarget = erpTarget,
        };
    }
}
