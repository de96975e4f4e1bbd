using System.Globalization;
using ServerlessSync.Domain.Platforms.Douyin;

namespace ServerlessSync.Pipeline.Platforms.Douyin;

/// <summary>
/// Lists a shop's orders changed in a window through 抖店 <c>order.searchList</c> (by <c>update_time</c>, ascending,
/// 100 a page), signed with the shop's access token. The cursor is the next page number.
/// </summary>
/// <remarks>
/// Page-number paging over a live list can skip an entry when an order on an earlier page changes again while the
/// window is paged (it leaves the window and the rest shift one place forward). The pull's overlap lists recent
/// windows again, and the push covers what changed, so such an order is still seen.
/// </remarks>
public sealed class DouyinOrderLister(
    HttpClient http,
    IOptions<DouyinApiOptions> options,
    ILogger<DouyinOrderLister>? logger = null,
    TimeProvider? timeProvider = null) : IPlatformOrderLister
{
    public const string HttpClientName = "platform-douyin-list";

    public const int PageSize = DouyinSearchListQuery.MaxPageSize;

    /// <summary>
    /// The reference leaves order.searchList's longest time window unknown. One day is a guess that stays within what
    /// comparable APIs allow (Taobao's increment list: 1 day) and keeps one window's paging short; the simulator enforces
    /// the same limit (<c>Simulators:Douyin:MaxSearchWindowHours</c>, default 24).
    /// </summary>
    public static readonly TimeSpan MaxSearchWindow = TimeSpan.FromDays(1);

    private readonly ILogger logger = logger ?? NullLogger<DouyinOrderLister>.Instance;
    private readonly TimeProvider time = timeProvider ?? TimeProvider.System;

    public string Platform => PlatformNames.Douyin;

    public TimeSpan MaxWindow => MaxSearchWindow;

    public async Task<ChangedOrderPage> ListChangedAsync(string shopId, DateTimeOffset from, DateTimeOffset to, string? cursor, CancellationToken cancellationToken)
    {
        if (to - from > MaxWindow)
        {
            throw new ArgumentOutOfRangeException(nameof(to), $"order.searchList windows are at most {MaxWindow}.");
        }

        var page = PageFrom(cursor);
        var query = DouyinSearchListQuery.ByUpdateTime(from, to, page, PageSize);
        var subject = $"shop {shopId} page {page}";
        var body = await DouyinGateway.PostAsync(
            http, options.Value, shopId, DouyinSearchListQuery.Path, query.ToBusinessParams(), time.GetUtcNow(), subject, logger, cancellationToken);

        DouyinSearchListResult result;
        try
        {
            result = DouyinSearchListParser.ParseResponse(body);
        }
        catch (FormatException ex)
        {
            throw new PlatformRequestException($"Douyin order.searchList for shop {shopId} page {page} returned an unreadable list: {ex.Message}", ex);
        }

        if (result.Error is { } error)
        {
            throw DouyinGateway.Refused(error, DouyinSearchListQuery.Path, subject, logger);
        }

        var listed = result.Page!;
        if (listed.Orders.FirstOrDefault(o => o.ShopId is not null && o.ShopId != shopId) is { } foreign)
        {
            // The access token decides the shop; an order of another shop means Shops:{shopId}:AccessToken is another shop's token.
            throw new PlatformRequestException($"Douyin order.searchList for shop {shopId} returned an order of shop {foreign.ShopId}: check the shop's access token.");
        }

        var next = listed.NextPage(page, PageSize);
        return new ChangedOrderPage(
            listed.Orders.Select(o => new ChangedOrder(o.OrderId, o.UpdatedAt)).ToList(),
            next?.ToString(CultureInfo.InvariantCulture),
            listed.Skipped);
    }

    private static int PageFrom(string? cursor)
    {
        if (cursor is null)
        {
            return 0;
        }

        return int.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var page)
            ? page
            : throw new ArgumentException($"'{cursor}' is not an order.searchList page cursor.", nameof(cursor));
    }
}
