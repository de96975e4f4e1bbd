using ServerlessSync.Domain.Erp;
using ServerlessSync.Domain.Mapping;

namespace ServerlessSync.Pipeline.Mapping;

/// <summary>What a profile would do with an order, as the dry run and the preview answer it.</summary>
/// <param name="Outcome">"write", "hold", "quarantine", or "none" when the order's status asks for no ERP order.</param>
public sealed record PlanView(string Outcome, IReadOnlyList<string> Reasons, IReadOnlyList<string> UnmappedSkus, ErpSalesOrder? Document)
{
    public static PlanView Of(PlanResult plan) => new(
        plan.IsQuarantined ? "quarantine" : plan.IsHeld ? "hold" : "write",
        plan.IsQuarantined ? plan.QuarantineReasons : plan.HoldReasons,
        plan.UnmappedSkus,
        plan.Document);

    /// <summary>The order read through the profile (its status map included) and, when its status asks for an ERP order, planned.</summary>
    public static PlanView For(Order order, MappingProfile profile)
    {
        var read = OrderPlanner.WithShopStatus(order, profile);
        return OrderStatusMachine.NeedsErpOrder(read.Status)
            ? Of(OrderPlanner.Plan(read, profile))
            : new("none", [$"the order is {read.Status} (platform status {order.PlatformStatus}): no ERP order is written for it"], [], null);
    }
}
