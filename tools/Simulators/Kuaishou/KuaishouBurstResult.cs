using ServerlessSync.Simulators.Bursts;

namespace ServerlessSync.Simulators.Kuaishou;

/// <summary>One push the burst decided on: delivered (with its answer), or dropped on purpose.</summary>
public sealed record KuaishouPushRecord(
    string OrderId,
    string Event,
    string MsgId,
    bool IsDuplicate,
    bool Dropped,
    int StatusCode,
    double LatencyMs,
    bool Acked,
    string? Error) : IBurstPushRecord;

/// <summary>What a Kuaishou burst did; out-of-order orders had their paySuccess push scheduled before their addOrder push.</summary>
public sealed record KuaishouBurstResult : BurstResult<KuaishouPushRecord>;
