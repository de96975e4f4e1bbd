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

    /// <summary>The versions the pull made durable: a push of such a version needs no message of its own.</summary>
    private readonly ConcurrentDictionary<string, long> pulled = new();

    public bool AlreadyEnqueued(string platform, string shopId, string orderId, DateTimeOffset updatedAt) =>
        Covers(seen, platform, shopId, orderId, updatedAt);

    /// <summary>
    /// Whether the pull made this version (or a newer one) durable. Only the pull's versions count here: a push delivered
    /// twice still goes through the Inbox, which dedupes it across processes.
    /// </summary>
    public bool AlreadyPulled(string platform, string shopId, string orderId, DateTimeOffset updatedAt) =>
        Covers(pulled, platform, shopId, orderId, updatedAt);

    /// <summary>An order version the pull made durable.</summary>
    public void Remember(string platform, string shopId, string orderId, DateTimeOffset updatedAt)
    {
        Keep(seen, platform, shopId, orderId, updatedAt);
        Keep(pulled, platform, shopId, orderId, updatedAt);
    }

    /// <summary>Pushed events once they are durable: the event time is the order's version the push announced.</summary>
    public void Remember(IEnumerable<InboundMessage> accepted)
    {
        foreach (var message in accepted)
        {
            Keep(seen, message.Event.Platform, message.Event.ShopId, message.Event.OrderId, message.Event.EventTime);
        }
    }

    private static bool Covers(ConcurrentDictionary<string, long> versions, string platform, string shopId, string orderId, DateTimeOffset updatedAt) =>
        versions.TryGetValue(Key(platform, shopId, orderId), out var known) && known >= updatedAt.ToUnixTimeMilliseconds();

    private static void Keep(ConcurrentDictionary<string, long> versions, string platform, string shopId, string orderId, DateTimeOffset updatedAt)
    {
        if (versions.Count >= Capacity)
        {
            versions.Clear();
        }

        versions.AddOrUpdate(Key(platform, shopId, orderId), updatedAt.ToUnixTimeMilliseconds(), (_, old) => Math.Max(old, updatedAt.ToUnixTimeMilliseconds()));
    }

    private static string Key(string platform, string shopId, string orderId) => $"{platform}:{shopId}:{orderId}";
}
