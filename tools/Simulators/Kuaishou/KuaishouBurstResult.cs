namespace ServerlessSync.Simulators.Kuaishou;

/// <summary>One push the burst decided on: delivered (with its answer), or dropped on purpose.</summary>
public sealed record KuaishouPushRecord(
    string OrderId,
    string Event,
    string MsgId,
    bool IsDuplicate,
    bool Dropped,
    int StatusCode,
    double LatencyMs,
    bool Acked,
    string? Error);

/// <summary>What a burst did. <see cref="Sent"/> counts HTTP deliveries, duplicates included; dropped pushes are not sent.</summary>
public sealed record KuaishouBurstResult
{
    public required IReadOnlyList<string> OrderIds { get; init; }

    public required IReadOnlyList<KuaishouPushRecord> Pushes { get; init; }

    /// <summary>Orders whose paySuccess push was scheduled before their addOrder push.</summary>
    public required IReadOnlyList<string> OutOfOrderIds { get; init; }

    public bool TimedOut { get; init; }

    public int Created => OrderIds.Count;

    public int Sent => Pushes.Count(p => !p.Dropped);

    public int Acked => Pushes.Count(p => !p.Dropped && p.Acked);

    public int Failed => Sent - Acked;

    public int Dropped => Pushes.Count(p => p.Dropped);

    public int Duplicates => Pushes.Count(p => p.IsDuplicate && !p.Dropped);

    public IReadOnlyList<double> LatenciesMs => Pushes.Where(p => !p.Dropped).Select(p => p.LatencyMs).ToList();

    public double LatencyPercentileMs(double percentile)
    {
        var sorted = LatenciesMs.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[(int)Math.Clamp(Math.Ceiling(percentile / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
