namespace ServerlessSync.Pipeline.Stats;

/// <summary>Fixed ERP-write latency buckets: counters can be merged by addition, and percentiles estimated from them.</summary>
public static class LatencyBuckets
{
    /// <summary>Upper bounds in milliseconds; the last bucket is open-ended.</summary>
    public static readonly IReadOnlyList<long> UpperBoundsMs = [250, 500, 1_000, 2_000, 5_000, 10_000, 30_000, 60_000, 300_000];

    public static int Count => UpperBoundsMs.Count + 1;

    public static string PropertyName(int bucket) => $"LatB{bucket:D2}";

    public static int Of(long ms)
    {
        for (var i = 0; i < UpperBoundsMs.Count; i++)
        {
            if (ms <= UpperBoundsMs[i])
            {
                return i;
            }
        }

        return UpperBoundsMs.Count;
    }

    /// <summary>The upper bound of the bucket holding the given quantile (0..1); the open bucket reports <paramref name="maxMs"/>.</summary>
    public static long Quantile(IReadOnlyList<long> counts, double quantile, long maxMs)
    {
        var total = counts.Sum();
        if (total == 0)
        {
            return 0;
        }

        var rank = (long)Math.Ceiling(quantile * total);
        long seen = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            seen += counts[i];
            if (seen >= rank)
            {
                return i < UpperBoundsMs.Count ? Math.Min(UpperBoundsMs[i], maxMs) : maxMs;
            }
        }

        return maxMs;
    }
}
