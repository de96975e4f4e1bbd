namespace ServerlessSync.Domain.Platforms.WeChat;

/// <summary>One page of <c>order/list/get</c>: order ids, and the <c>next_key</c> to pass back while <c>has_more</c>.</summary>
public sealed record WeChatOrderListPage(IReadOnlyList<string> OrderIds, string? NextKey, bool HasMore, IReadOnlyList<SkippedListEntry>? Skipped = null)
{
    /// <summary>Entries that are not order ids: skipped, kept for a person.</summary>
    public IReadOnlyList<SkippedListEntry> Skipped { get; } = Skipped ?? [];
}

/// <summary>An <c>order/list/get</c> answer: a page, or WeChat's error.</summary>
public sealed record WeChatOrderListResult(WeChatOrderListPage? Page, WeChatApiError? Error);

/// <summary>
/// <c>POST /channels/ec/order/list/get</c>: <c>update_time_range{start_time, end_time}</c> in unix seconds spanning at most
/// 7 days, <c>page_size</c> at most 100, <c>next_key</c> for the following pages. Answers ids only.
/// </summary>
public static class WeChatOrderList
{
    public const int MaxPageSize = 100;

    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(7);

    /// <exception cref="ArgumentOutOfRangeException">The window is empty, reversed or longer than 7 days, or the page size is not 1..100.</exception>
    public static string UpdateTimeRequest(DateTimeOffset from, DateTimeOffset to, int pageSize, string? nextKey)
    {
        var start = from.ToUnixTimeSeconds();
        var end = to.ToUnixTimeSeconds();
        if (end < start || end - start > (long)MaxWindow.TotalSeconds)
        {
            throw new ArgumentOutOfRangeException(nameof(to), $"update_time_range must run forward and span at most {MaxWindow.TotalDays} days.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        var request = new JsonObject
        {
            ["update_time_range"] = new JsonObject { ["start_time"] = start, ["end_time"] = end },
            ["page_size"] = pageSize,
        };
        if (!string.IsNullOrEmpty(nextKey))
        {
            request["next_key"] = nextKey;
        }

        return request.ToJsonString();
    }

    /// <exception cref="WeChatResponseFormatException">Not JSON, or a success answer without <c>order_id_list</c>. An entry that is not an id is returned in <see cref="WeChatOrderListPage.Skipped"/>.</exception>
    public static WeChatOrderListResult ParseResponse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new WeChatResponseFormatException("order/list/get answer is not a JSON object");
            }

            if (WeChatApiError.From(root) is { } error)
            {
                return new WeChatOrderListResult(null, error);
            }

            if (PlatformJson.Property(root, "order_id_list") is not { ValueKind: JsonValueKind.Array } list)
            {
                throw new WeChatResponseFormatException("order/list/get answer lacks order_id_list");
            }

            var ids = new List<string>();
            var skipped = new List<SkippedListEntry>();
            foreach (var entry in list.EnumerateArray())
            {
                if (PlatformJson.IdText(entry) is { } id)
                {
                    ids.Add(id);
                }
                else
                {
                    skipped.Add(SkippedListEntry.Of(entry, "order_id_list holds a value that is not an order id"));
                }
            }

            var hasMore = WeChatJson.Flag(root, "has_more");
            var nextKey = WeChatJson.NonEmptyString(root, "next_key");
            if (hasMore && nextKey is null)
            {
                throw new WeChatResponseFormatException("has_more without next_key");
            }

            return new WeChatOrderListResult(new WeChatOrderListPage(ids, nextKey, hasMore, skipped), null);
        }
        catch (JsonException ex)
        {
            throw new WeChatResponseFormatException("order/list/get answer is not valid JSON", ex);
        }
    }
}
