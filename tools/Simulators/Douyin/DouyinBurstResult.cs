using ServerlessSync.Simulators.Bursts;

namespace ServerlessSync.Simulators.Douyin;

/// <summary>One push the burst decided on: delivered (with its answer), or dropped on purpose.</summary>
public sealed record DouyinPushRecord(
    string OrderId,
    string Tag,
    string MsgId,
    bool IsDuplicate,
    bool Dropped,
    int StatusCode,
    double LatencyMs,
    bool Acked,
    string? Error) : IBurstPushRecord;

/// <summary>What a Douyin burst did; out-of-order orders had their paid push scheduled before their created push.</summary>
public sealed record DouyinBurstResult : BurstResult<DouyinPushRecord>;
