namespace ServerlessSync.Pipeline.Storage;

/// <summary>
/// The last <c>capacity</c> keys this process remembered, oldest forgotten first: a cheap "already done here" check in
/// front of a storage write whose own guard (an insert that fails when the row exists) stays the source of truth.
/// Thread-safe.
/// </summary>
public sealed class RecentKeys(int capacity)
{
    private readonly HashSet<string> keys = new(StringComparer.Ordinal);
    private readonly Queue<string> order = new();

    public bool Contains(string key)
    {
        lock (keys)
        {
            return keys.Contains(key);
        }
    }

    /// <summary>Forgets the key at once (its place in the eviction order stays, which at worst forgets a later re-add early).</summary>
    public void Remove(string key)
    {
        lock (keys)
        {
            keys.Remove(key);
        }
    }

    public void Add(string key)
    {
        lock (keys)
        {
            if (!keys.Add(key))
            {
                return;
            }

            order.Enqueue(key);
            while (order.Count > Math.Max(1, capacity))
            {
                keys.Remove(order.Dequeue());
            }
        }
    }
}
