namespace ServerlessSync.Domain.Platforms.Kuaishou;

/// <summary>
/// The business parameters of <c>open.order.cursor.list</c> and its documented limits: <c>beginTime</c>/<c>endTime</c> in
/// milliseconds, a range of at most 7 days, begin no earlier than 90 days ago, <c>pageSize</c> at most 50, cursor paging
/// (<c>""</c> first, then the returned cursor until <c>"nomore"</c>).
/// </summary>
public sealed record KuaishouCursorListQuery
{
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(7);
    public static readonly TimeSpan MaxLookBack = TimeSpan.FromDays(90);
    public const int MaxPageSize = 50;

    /// <summary>The cursor value meaning "no further page".</summary>
    public const string NoMoreCursor = "nomore";

    public const int ViewStatusAll = 1;
    public const int QueryByCreateTime = 1;
    public const int QueryByUpdateTime = 2;
    public const int SortDescending = 1;
    public const int SortAscending = 2;
    public const int CpsTypeAll = 0;

    public required DateTimeOffset BeginTime { get; init; }

    public required DateTimeOffset EndTime { get; init; }

    public string Cursor { get; init; } = "";

    public int PageSize { get; init; } = MaxPageSize;

    public int QueryType { get; init; } = QueryByUpdateTime;

    public int Sort { get; init; } = SortAscending;

    public int OrderViewStatus { get; init; } = ViewStatusAll;

    public int CpsType { get; init; } = CpsTypeAll;

    /// <summary>Orders changed in [<paramref name="from"/>, <paramref name="to"/>], oldest change first, 50 a page.</summary>
    public static KuaishouCursorListQuery ChangedBetween(DateTimeOffset from, DateTimeOffset to, string? cursor) => new()
    {
        BeginTime = from,
        EndTime = to,
        Cursor = cursor ?? "",
    };

    /// <exception cref="ArgumentOutOfRangeException">The window, look-back or page size breaks the platform's limits.</exception>
    public void Validate(DateTimeOffset now)
    {
        if (EndTime <= BeginTime)
        {
            throw new ArgumentOutOfRangeException(nameof(EndTime), "endTime must be after beginTime.");
        }

        if (EndTime - BeginTime > MaxWindow)
        {
            throw new ArgumentOutOfRangeException(nameof(EndTime), $"the time range may be at most {MaxWindow.TotalDays:0} days.");
        }

        if (BeginTime < now - MaxLookBack)
        {
            throw new ArgumentOutOfRangeException(nameof(BeginTime), $"beginTime may be at most {MaxLookBack.TotalDays:0} days ago.");
        }

        if (PageSize is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(PageSize), $"pageSize must be 1..{MaxPageSize}.");
        }

        if (Cursor == NoMoreCursor)
        {
            throw new ArgumentOutOfRangeException(nameof(Cursor), "the cursor says there is no further page.");
        }
    }

    /// <summary>The <c>param</c> object, after <see cref="Validate"/>.</summary>
    public JsonObject ToParam(DateTimeOffset now)
    {
        Validate(now);
        return new JsonObject
        {
            ["orderViewStatus"] = OrderViewStatus,
            ["pageSize"] = PageSize,
            ["sort"] = Sort,
            ["queryType"] = QueryType,
            ["beginTime"] = BeginTime.ToUnixTimeMilliseconds(),
            ["endTime"] = EndTime.ToUnixTimeMilliseconds(),
            ["cpsType"] = CpsType,
            ["cursor"] = Cursor,
        };
    }
}
