using System.Collections.Concurrent;

namespace ServerlessSync.Pipeline.Pull;

/// <summary>
/// Which (order, update time) pairs this process has already enqueued from a pull. Pull windows overlap on
/// purpose, so without this every run would touch the Inbox again for every order in the overlap. The Inbox
/// still dedupes across processes; this only saves storage round trips. Bounded: it forgets everything when full.
/// </summary>
public sealed class PulledOrdersMemory
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

    private static string Key(string platform, string shopId, string orderId) => $"{platform}:{shopId}:{orderId}";
}
