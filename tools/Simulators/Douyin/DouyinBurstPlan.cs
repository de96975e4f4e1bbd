using ServerlessSync.Simulators.Bursts;

namespace ServerlessSync.Simulators.Douyin;

/// <summary>
/// A Douyin live-room burst: a tag 100 (created) and a tag 101 (paid) message for each order. A duplicate is the same
/// msg_id and the same bytes; out of order sends the paid push (101) before the created push (100).
/// </summary>
public sealed record DouyinBurstPlan : BurstPlan
{
    public string? ShopId { get; init; }

    protected override void ValidatePlatformFields() => RequireNumericId(ShopId, 19, "shopId must be a numeric 抖店 shop id.");
}
