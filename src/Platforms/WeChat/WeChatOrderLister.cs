using System.Collections.Concurrent;
using ServerlessSync.Domain.Platforms.WeChat;

namespace ServerlessSync.Pipeline.Platforms.WeChat;

/// <summary>
/// The pull half for 微信小店: <c>POST /channels/ec/order/list/get</c> by <c>update_time_range</c> (at most 7 days),
/// 100 ids a page, paged with <c>next_key</c>. The list answers ids only, so each id's update time is read from
/// <c>order/get</c>: the pull identifies a change by its update time, and the window end would make every overlapping
/// pull look like a new change.
/// </summary>
public sealed class WeChatOrderLister(WeChatApi api, WeChatOrderClient orders) : IPlatformOrderLister
{
    public const int PageSize = WeChatOrderList.MaxPageSize;

    /// <summary>Order reads in flight at once while resolving one page's update times.</summary>
    public const int DetailConcurrency = 4;

    public string Platform => PlatformNames.WeChat;

    public TimeSpan MaxWindow => WeChatOrderList.MaxWindow;

    public async Task<ChangedOrderPage> ListChangedAsync(string shopId, DateTimeOffset from, DateTimeOffset to, string? cursor, CancellationToken cancellationToken)
    {
        var request = WeChatOrderList.UpdateTimeRequest(from, to, PageSize, cursor);
        var body = await api.PostAsync(shopId, WeChatApiPaths.OrderList, request, $"{PlatformNames.WeChat}:{shopId}", cancellationToken);
        WeChatOrderListResult result;
        try
        {
            result = WeChatOrderList.ParseResponse(body);
        }
        catch (FormatException ex)
        {
            throw new PlatformRequestException($"WeChat order/list/get for shop {shopId} returned an unreadable page: {ex.Message}", ex);
        }

        var page = result.Page ?? throw new PlatformRequestException($"WeChat order/list/get for shop {shopId} failed: {result.Error}.");
        var updated = new ConcurrentDictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            page.OrderIds.Distinct(StringComparer.Ordinal),
            new ParallelOptions { MaxDegreeOfParallelism = DetailConcurrency, CancellationToken = cancellationToken },
            async (orderId, ct) => updated[orderId] = await UpdateTimeAsync(new OrderKey(PlatformNames.WeChat, shopId, orderId), to, ct));

        var changed = page.OrderIds.Distinct(StringComparer.Ordinal).Select(id => new ChangedOrder(id, updated[id])).ToList();
        return new ChangedOrderPage(changed, page.HasMore ? page.NextKey : null, page.Skipped);
    }

    /// <summary>
    /// The order's update time. An order the detail API refuses still counts as changed (at the window end), so the
    /// sync reports the refusal instead of the pull skipping the order; transient failures fail the page.
    /// </summary>
    private async Task<DateTimeOffset> UpdateTimeAsync(OrderKey key, DateTimeOffset windowEnd, CancellationToken cancellationToken)
    {
        try
        {
            return (await orders.GetOrderAsync(key, cancellationToken)).UpdatedAt;
        }
        catch (PlatformRequestException)
        {
            return windowEnd;
        }
    }
}
