using ServerlessSync.Simulators.Bursts;

namespace ServerlessSync.Simulators.WeChat;

/// <summary>One push the burst decided on: delivered (with its answer), or dropped on purpose.</summary>
public sealed record WeChatPushRecord(
    string OrderId,
    string Event,
    string MsgKey,
    bool IsDuplicate,
    bool Dropped,
    int StatusCode,
    double LatencyMs,
    bool Acked,
    string? Error) : IBurstPushRecord;

/// <summary>What a WeChat burst did; out-of-order orders had their pay push scheduled before their new-order push.</summary>
public sealed record WeChatBurstResult : BurstResult<WeChatPushRecord>;
