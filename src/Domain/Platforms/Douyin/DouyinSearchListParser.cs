namespace ServerlessSync.Domain.Platforms.Douyin;

/// <summary>
/// Parses an <c>order.searchList</c> response. Each <c>shop_order_list[]</c> entry is a full shop order (the same fields as
/// <c>shop_order_detail</c>), but the pull only needs the order id and update time: the order itself is fetched again
/// through <c>order.orderDetail</c> when it is synced, so no buyer field is read here.
/// </summary>
public static class DouyinSearchListParser
{
    /// <exception cref="DouyinResponseFormatException">Not the documented envelope. An entry without a readable id or time is not an error: it is returned in <see cref="DouyinSearchListPage.Skipped"/>.</exception>
    public static DouyinSearchListResult ParseResponse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (DouyinEnvelope.ErrorOf(root) is { } error)
            {
                return DouyinSearchListResult.Failure(error);
            }

            if (PlatformJson.Property(root, "data") is not { ValueKind: JsonValueKind.Object } data)
            {
                throw new DouyinResponseFormatException("success response without data");
            }

            var orders = new List<DouyinSearchListItem>();
            var skipped = new List<SkippedListEntry>();
            switch (PlatformJson.Property(data, "shop_order_list"))
            {
                case { ValueKind: JsonValueKind.Array } list:
                    foreach (var entry in list.EnumerateArray())
                    {
                        var (item, problem) = ParseItem(entry);
                        if (item is not null)
                        {
                            orders.Add(item);
                        }
                        else
                        {
                            skipped.Add(SkippedListEntry.Of(entry, problem!, "order_id", "shop_id", "update_time", "create_time"));
                        }
                    }

                    break;
                case null:
                    break;
                default:
                    throw new DouyinResponseFormatException("data.shop_order_list is not an array");
            }

            var total = PlatformJson.Long(data, "total") ?? throw new DouyinResponseFormatException("success response without data.total");
            return DouyinSearchListResult.Success(new DouyinSearchListPage(
                PlatformJson.Long(data, "page") ?? 0,
                PlatformJson.Long(data, "size") ?? orders.Count,
                total,
                orders,
                skipped));
        }
        catch (JsonException ex)
        {
            throw new DouyinResponseFormatException("response is not valid JSON", ex);
        }
    }

    /// <summary>The entry's id and update time, or why it cannot be read (the caller skips it and keeps the rest of the page).</summary>
    private static (DouyinSearchListItem? Item, string? Problem) ParseItem(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return (null, "shop_order_list entry is not an object");
        }

        if (PlatformJson.Id(item, "order_id") is not { } orderId)
        {
            return (null, "shop_order_list entry has no integer order_id");
        }

        var updatedAt = DouyinJson.UnixTime(item, "update_time") ?? DouyinJson.UnixTime(item, "create_time");
        return updatedAt is { } at
            ? (new DouyinSearchListItem(orderId, at, PlatformJson.Id(item, "shop_id")), null)
            : (null, $"shop_order_list entry {orderId} lacks update_time and create_time");
    }
}
