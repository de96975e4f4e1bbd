namespace ServerlessSync.Domain.Platforms.Douyin;

/// <summary>
/// The business parameters of one <c>order.searchList</c> page for an incremental pull: orders whose
/// <c>update_time</c> lies in [<see cref="UpdateTimeStart"/>, <see cref="UpdateTimeEnd"/>] (unix seconds, both ends
/// included), sorted by update time ascending so a page boundary never moves backwards in time.
/// <c>page</c> counts from 0 and <c>size</c> is at most 100, as the SDK documents.
/// </summary>
public sealed record DouyinSearchListQuery(long UpdateTimeStart, long UpdateTimeEnd, int Page, int Size)
{
    public const string Path = "/order/searchList";

    public const int MaxPageSize = 100;

    public const string OrderByUpdateTime = "update_time";

    /// <summary>
    /// Times are cut to whole seconds downwards at both ends: the platform stores update times in seconds, so an order
    /// updated during the last partial second is listed (again) rather than missed.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The window runs backwards, the page is negative or the size is not 1..100.</exception>
    public static DouyinSearchListQuery ByUpdateTime(DateTimeOffset from, DateTimeOffset to, int page, int size)
    {
        if (to < from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), "The window must not end before it starts.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(page);
        if (size is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(size), $"order.searchList pages hold 1..{MaxPageSize} orders.");
        }

        return new DouyinSearchListQuery(from.ToUnixTimeSeconds(), to.ToUnixTimeSeconds(), page, size);
    }

    /// <summary>The <c>param_json</c> object; the signer sorts its keys.</summary>
    public JsonObject ToBusinessParams() => new()
    {
        ["update_time_start"] = UpdateTimeStart,
        ["update_time_end"] = UpdateTimeEnd,
        ["order_by"] = OrderByUpdateTime,
        ["order_asc"] = true,
        ["page"] = Page,
        ["size"] = Size,
    };
}
