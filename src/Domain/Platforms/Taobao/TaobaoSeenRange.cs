namespace ServerlessSync.Domain.Platforms.Taobao;

/// <summary>
/// What a reverse walk over one window has already returned, in a few bytes: the range of <c>modified</c> seconds read so
/// far and the tids read at each end of it. The list is ordered by <c>modified</c>, and the walk reads one end of it
/// towards the other, so every trade not yet read lies beyond one end of the range. A listed trade strictly inside the
/// range, or at an end with a recorded tid, was therefore returned before: it moved pages because other trades left
/// the window. Ties beyond <see cref="MaxBoundaryTids"/> are not recorded, which can only repeat a trade, never drop one.
/// </summary>
public sealed record TaobaoSeenRange(long Low, IReadOnlyList<string> LowTids, long High, IReadOnlyList<string> HighTids)
{
    /// <summary>Bounds the cursor's size when a live burst puts hundreds of trades in one second.</summary>
    public const int MaxBoundaryTids = 200;

    public bool Covers(TaobaoChangedTrade trade)
    {
        var modified = trade.Modified.ToUnixTimeSeconds();
        return (modified > Low && modified < High) ||
               (modified == Low && LowTids.Contains(trade.Tid)) ||
               (modified == High && HighTids.Contains(trade.Tid));
    }

    /// <summary>The range after also reading <paramref name="trades"/>.</summary>
    public static TaobaoSeenRange? Extend(TaobaoSeenRange? seen, IReadOnlyCollection<TaobaoChangedTrade> trades)
    {
        if (trades.Count == 0)
        {
            return seen;
        }

        var pageLow = trades.Min(t => t.Modified.ToUnixTimeSeconds());
        var pageHigh = trades.Max(t => t.Modified.ToUnixTimeSeconds());
        var low = seen is null ? pageLow : Math.Min(seen.Low, pageLow);
        var high = seen is null ? pageHigh : Math.Max(seen.High, pageHigh);
        return new TaobaoSeenRange(
            low,
            TidsAt(low, seen is not null && seen.Low == low ? seen.LowTids : [], trades),
            high,
            TidsAt(high, seen is not null && seen.High == high ? seen.HighTids : [], trades));
    }

    private static List<string> TidsAt(long second, IReadOnlyList<string> known, IEnumerable<TaobaoChangedTrade> trades) =>
        known.Concat(trades.Where(t => t.Modified.ToUnixTimeSeconds() == second).Select(t => t.Tid))
            .Distinct(StringComparer.Ordinal)
            .Take(MaxBoundaryTids)
            .ToList();
}
