namespace ServerlessSync.Domain.Platforms;

/// <summary>
/// The small envelope carried by the intake queue: "order X changed". Never the raw body (64 KiB limit);
/// the raw message stays in the Inbox.
/// </summary>
public sealed record OrderEvent(string Platform, string ShopId, string OrderId, string Event, DateTimeOffset EventTime, string MsgId);
