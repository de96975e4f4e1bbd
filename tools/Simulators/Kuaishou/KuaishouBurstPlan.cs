using ServerlessSync.Simulators.Bursts;

namespace ServerlessSync.Simulators.Kuaishou;

/// <summary>
/// A Kuaishou live-room burst: an <c>addOrder</c> and a <c>paySuccess</c> event for each order. A duplicate is the same
/// msgId and the same bytes; out of order sends the paySuccess push before the addOrder push.
/// </summary>
public sealed record KuaishouBurstPlan : BurstPlan
{
    /// <summary>The seller id (userId) the orders belong to; the simulator's default seller when null.</summary>
    public string? ShopId { get; init; }

    protected override void ValidatePlatformFields() => RequireNumericId(ShopId, 18, "shopId must be a numeric 快手 seller id.");
}
