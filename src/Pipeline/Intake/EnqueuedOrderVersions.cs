using System.Collections.Concurrent;
using ServerlessSync.Domain.Platforms;

namespace ServerlessSync.Pipeline.Intake;

/// <summary>
/// The newest version (update or event time) of each order this process has made durable on the intake queue, from a
/// push or a pull. Pull windows overlap on purpose, and during a burst the pull lists every order its pushes already
/// brought: without this each would go through the Inbox, a lease and a preparation again (about one extra event an order
/// in the 5,000-order burst). The Inbox still dedupes across processes; this only saves work. Bounded: it forgets
/// everything when full.
/// </summary>
public sealed class EnqueuedOrderVersions
{
    public const int Capacity = 200_000;
    private readonly ConcurrentDictionary<string, long> seen = new();

    public bool AlreadyEnqueued(string platform, string shopId, string orderId, DateTimeOffset updatedAt) =>
        seen.TryGetValue(Key(platform, shopId, orderId), out var known) && known >= updatedAt.ToUnixTimeMilliseconds();

    public void Remember(string platform, string shopId, string orderId, DateTimeOffset updatedAt)
    {
        if (seen.Count >= Capacity)
        {
            seen.Clear();
        }

        seen.AddOrUpdate(Key(platform, shopId, orderId), updatedAt.ToUnixTimeMilliseconds(), (_, old) => Math.Max(old, updatedAt.ToUnixTimeMilliseconds()));
    }

    /// <summary>Pushed events once they are durable: the event time is the order's version the push announced.</summary>
    public void Remember(IEnumerable<InboundMessage> accepted)
    {
        foreach (var message in accepted)
        {
            Remember(message.Event.Platform, message.Event.ShopId, message.Event.OrderId, message.Event.EventTime);
        }
    }

    private static string Key(string platform, string shopId, string orderId) => $"{platform}:{shopId}:{orderId}";
}
