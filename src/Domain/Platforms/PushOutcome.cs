namespace ServerlessSync.Domain.Platforms;

public enum PushOutcomeKind
{
    /// <summary>A genuine push carrying order events.</summary>
    Orders = 0,

    /// <summary>A genuine test, heartbeat or verification message: acknowledge, record nothing.</summary>
    Test = 1,

    /// <summary>Forged, stale, malformed or oversized: answer 4xx, record nothing.</summary>
    Rejected = 2,
}

/// <summary>An inbound push message, verified and parsed: what the webhook records for each order it names.</summary>
public sealed record InboundMessage(OrderEvent Event, string RawMessage);

/// <summary>What a platform push adapter made of one HTTP push.</summary>
public sealed record PushOutcome(PushOutcomeKind Kind, IReadOnlyList<InboundMessage> Messages, int RejectStatusCode, string? RejectReason)
{
    public static PushOutcome Orders(IReadOnlyList<InboundMessage> messages) => new(PushOutcomeKind.Orders, messages, 0, null);

    public static PushOutcome Test() => new(PushOutcomeKind.Test, [], 0, null);

    /// <summary>401 for a bad signature or app id, 400 for malformed content, 413 for an oversized body.</summary>
    public static PushOutcome Reject(int statusCode, string reason) => new(PushOutcomeKind.Rejected, [], statusCode, reason);
}
