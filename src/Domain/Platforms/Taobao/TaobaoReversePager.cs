namespace ServerlessSync.Domain.Platforms.Taobao;

/// <summary>
/// Reverse paging of <c>taobao.trades.sold.increment.get</c>, as the API documentation demands ("必须采用倒序的分页方式
/// （从最后一页往回取）才能避免漏单问题"). A trade modified while the window is paged gets a <c>modified</c> after the window
/// and leaves it; every trade behind it moves up one place. Paging forward, a trade from a page not yet read slips onto
/// a page already read and is never seen. Paging from the last page back, trades only slip onto pages still to be read,
/// where they would be seen twice; <see cref="TaobaoSeenRange"/> recognises those and drops them.
/// <para>
/// That holds while the window lies in the past. If trades enter the window during the walk (its end is not yet past),
/// the reported total grows and trades move the other way; the walk then restarts from the new last page (trades may
/// be repeated, not lost), at most <see cref="MaxRestarts"/> times.
/// </para>
/// </summary>
public static class TaobaoReversePager
{
    public const int MaxRestarts = 3;

    public static int LastPage(long total, int pageSize) =>
        total <= pageSize ? 1 : checked((int)((total + pageSize - 1) / pageSize));

    /// <summary>A walk starting at the last page of a window holding <paramref name="total"/> trades.</summary>
    public static TaobaoListCursor Start(DateTimeOffset from, DateTimeOffset to, long total, int pageSize, int restarts = 0) => new()
    {
        FromMs = from.ToUnixTimeMilliseconds(),
        ToMs = to.ToUnixTimeMilliseconds(),
        Total = total,
        PageSize = pageSize,
        NextPage = LastPage(total, pageSize),
        Restarts = restarts,
    };

    /// <summary>
    /// The cursor to continue with when the page just answered reported <paramref name="answeredTotal"/>: a restart from the
    /// new last page when the window grew and restarts remain, otherwise null (use the answer).
    /// </summary>
    public static TaobaoListCursor? RestartIfGrown(TaobaoListCursor cursor, long answeredTotal) =>
        answeredTotal > cursor.Total && cursor.Restarts < MaxRestarts
            ? Start(
                DateTimeOffset.FromUnixTimeMilliseconds(cursor.FromMs),
                DateTimeOffset.FromUnixTimeMilliseconds(cursor.ToMs),
                answeredTotal,
                cursor.PageSize,
                cursor.Restarts + 1)
            : null;

    /// <summary>The trades of the page at <c>cursor.NextPage</c> not returned before, and the cursor for the page before it (null after page 1).</summary>
    public static (IReadOnlyList<TaobaoChangedTrade> Fresh, TaobaoListCursor? Next) Accept(TaobaoListCursor cursor, IReadOnlyList<TaobaoChangedTrade> trades)
    {
        var fresh = trades
            .Where(t => cursor.Seen?.Covers(t) != true)
            .DistinctBy(t => t.Tid, StringComparer.Ordinal)
            .ToList();
        var next = cursor.NextPage > 1
            ? cursor with { NextPage = cursor.NextPage - 1, Seen = TaobaoSeenRange.Extend(cursor.Seen, trades.ToList()) }
            : null;
        return (fresh, next);
    }
}
