namespace ServerlessSync.Simulators.WeChat;

/// <summary>One push the burst decided on: delivered (with its answer), or dropped on purpose.</summary>
public sealed record WeChatPushRecord(
    string OrderId,
    string Event,
    string MsgKey,
    bool IsDuplicate,
    bool Dropped,
    int StatusCode,
    double LatencyMs,
    bool Acked,
    string? Error);

/// <summary>What a burst did. <see cref="Sent"/> counts HTTP deliveries, duplicates included; dropped pushes are not sent.</summary>
public sealed record WeChatBurstResult
{
    public required IReadOnlyList<string> OrderIds { get; init; }

    public required IReadOnlyList<WeChatPushRecord> Pushes { get; init; }

    /// <summary>Orders whose pay push was scheduled before their new-order push.</summary>
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
