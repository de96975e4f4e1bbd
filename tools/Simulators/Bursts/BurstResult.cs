namespace ServerlessSync.Simulators.Bursts;

/// <summary>What a burst did. <see cref="Sent"/> counts HTTP deliveries, duplicates included; dropped pushes are not sent.</summary>
public abstract record BurstResult
{
    public IReadOnlyList<string> OrderIds { get; init; } = [];

    /// <summary>Orders whose pushes were scheduled in reverse.</summary>
    public IReadOnlyList<string> OutOfOrderIds { get; init; } = [];

    public bool TimedOut { get; init; }

    public int Created => OrderIds.Count;

    public int Sent => Records.Count(p => !p.Dropped);

    public int Acked => Records.Count(p => !p.Dropped && p.Acked);

    public int Failed => Sent - Acked;

    public int Dropped => Records.Count(p => p.Dropped);

    public int Duplicates => Records.Count(p => p.IsDuplicate && !p.Dropped);

    public IReadOnlyList<double> LatenciesMs => Records.Where(p => !p.Dropped).Select(p => p.LatencyMs).ToList();

    protected abstract IEnumerable<IBurstPushRecord> Records { get; }

    public double LatencyPercentileMs(double percentile)
    {
        var sorted = LatenciesMs.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[(int)Math.Clamp(Math.Ceiling(percentile / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}

/// <summary>A burst's result with the platform's own push records.</summary>
public abstract record BurstResult<TRecord> : BurstResult
    where TRecord : class, IBurstPushRecord
{
    public IReadOnlyList<TRecord> Pushes { get; init; } = [];

    protected override IEnumerable<IBurstPushRecord> Records => Pushes;
}
