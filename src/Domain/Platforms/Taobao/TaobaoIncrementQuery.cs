namespace ServerlessSync.Domain.Platforms.Taobao;

/// <summary>
/// The business parameters of <c>taobao.trades.sold.increment.get</c>: trades whose <c>modified</c> lies between
/// <c>start_modified</c> and <c>end_modified</c> (Beijing time, end after start, span at most one day), one page of
/// <c>page_size</c> (1–100) at <c>page_no</c> (from 1). With <c>use_has_next=true</c> the answer carries <c>has_next</c>
/// instead of <c>total_results</c>; reverse paging needs the total, so it asks with <c>use_has_next=false</c>.
/// </summary>
public sealed record TaobaoIncrementQuery(DateTimeOffset StartModified, DateTimeOffset EndModified, int PageNo, int PageSize, bool UseHasNext = false)
{
    public const int MaxPageSize = 100;

    /// <summary>The documentation advises 40–50 for the best success rate.</summary>
    public const int DefaultPageSize = 50;

    public static readonly TimeSpan MaxSpan = TimeSpan.FromDays(1);

    /// <summary>The bounds as sent, to the second. A window shorter than a second is widened to one second.</summary>
    public (string Start, string End) Bounds()
    {
        var start = TaobaoTime.ToText(StartModified);
        var end = TaobaoTime.ToText(EndModified);
        return start == end ? (start, TaobaoTime.ToText(EndModified.AddSeconds(1))) : (start, end);
    }

    /// <exception cref="ArgumentException">The window is empty or longer than a day, or the page is out of range.</exception>
    public IReadOnlyDictionary<string, string> ToParameters()
    {
        Validate();
        var (start, end) = Bounds();
        return new Dictionary<string, string>
        {
            ["fields"] = TaobaoMethods.IncrementFields,
            ["start_modified"] = start,
            ["end_modified"] = end,
            ["page_no"] = PageNo.ToString(CultureInfo.InvariantCulture),
            ["page_size"] = PageSize.ToString(CultureInfo.InvariantCulture),
            ["use_has_next"] = UseHasNext ? "true" : "false",
        };
    }

    public void Validate()
    {
        if (EndModified <= StartModified || EndModified - StartModified > MaxSpan)
        {
            throw new ArgumentException($"end_modified must be after start_modified and at most {MaxSpan.TotalHours:0} hours later.");
        }

        if (PageSize is < 1 or > MaxPageSize)
        {
            throw new ArgumentException($"page_size must be 1..{MaxPageSize}.");
        }

        if (PageNo < 1)
        {
            throw new ArgumentException("page_no starts at 1.");
        }
    }
}
