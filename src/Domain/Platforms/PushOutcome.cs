namespace ServerlessSync.Domain.Platforms;

public enum PushOutcomeKind
{
    /// <summary>A genuine push carrying order events.</summary>
    Orders = 0,

    /// <summary>A genuine test, heartbeat or verification message: acknowledge, record nothing.</summary>
    Test = 1,

    /// <summary>Forged, stale, malformed or oversized: answer 4xx, record nothing.</summary>
    Rejected = 2,

    /// <summary>Genuine, but for a shop that is not configured yet: keep it, alert, acknowledge; it is processed once the shop is.</summary>
    Held = 3,
}

/// <summary>
/// A verified order push whose shop is not configured yet. <see cref="ShopKey"/> is how the push names the shop (e.g. a
/// WeChat <c>ToUserName</c>) and <see cref="AppId"/> the app it was encrypted for; once configuration maps them to a shop
/// the push becomes an <see cref="OrderEvent"/> of that shop.
/// </summary>
public sealed record HeldPush(string Platform, string ShopKey, string AppId, string EventName, string OrderId, DateTimeOffset EventTime, string MsgId, string RawMessage)
{
    public InboundMessage For(string shopId) => new(new OrderEvent(Platform, shopId, OrderId, EventName, EventTime, MsgId), RawMessage);
}

/// <summary>An inbound push message, verified and parsed: what the webhook records for each order it names.</summary>
public sealed record InboundMessage(OrderEvent Event, string RawMessage);

/// <summary>What a platform push adapter made of one HTTP push.</summary>
public sealed record PushOutcome(PushOutcomeKind Kind, IReadOnlyList<InboundMessage> Messages, int RejectStatusCode, string? RejectReason, HeldPush? Held = null)
{
    public static PushOutcome Hold(HeldPush held) => new(PushOutcomeKind.Held, [], 0, null, held);

    public static PushOutcome Orders(IReadOnlyList<InboundMessage> messages) => new(PushOutcomeKind.Orders, messages, 0, null);

    public static PushOutcome Test() => new(PushOutcomeKind.Test, [], 0, null);

    /// <summary>401 for a bad signature or app id, 400 for malformed content, 413 for an oversized body.</summary>
    public static PushOutcome Reject(int statusCode, string reason) => new(PushOutcomeKind.Rejected, [], statusCode, reason);
}
