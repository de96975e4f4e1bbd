using System.Text.Json;

namespace ServerlessSync.Domain.Platforms.Douyin;

/// <summary>
/// Parses an <c>order.searchList</c> response. Each <c>shop_order_list[]</c> entry is a full shop order (the same fields as
/// <c>shop_order_detail</c>), but the pull only needs the order id and update time: the order itself is fetched again
/// through <c>order.orderDetail</c> when it is synced, so no buyer field is read here.
/// </summary>
public static class DouyinSearchListParser
{
    /// <exception cref="DouyinResponseFormatException">Not the documented envelope, or an entry lacks its id or times.</exception>
    public static DouyinSearchListResult ParseResponse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || DouyinJson.Long(root, "code") is not { } code)
            {
                throw new DouyinResponseFormatException("response is not an open-API envelope with a code");
            }

            if (code != DouyinApiError.SuccessCode)
            {
                return DouyinSearchListResult.Failure(new DouyinApiError(
                    code,
                    DouyinJson.String(root, "msg") ?? "",
                    DouyinJson.String(root, "sub_code"),
                    DouyinJson.String(root, "sub_msg"),
                    DouyinJson.String(root, "log_id")));
            }

            if (DouyinJson.Property(root, "data") is not { ValueKind: JsonValueKind.Object } data)
            {
                throw new DouyinResponseFormatException("success response without data");
            }

            var orders = DouyinJson.Property(data, "shop_order_list") switch
            {
                { ValueKind: JsonValueKind.Array } list => list.EnumerateArray().Select(ParseItem).ToList(),
                null => [],
                _ => throw new DouyinResponseFormatException("data.shop_order_list is not an array"),
            };
            var total = DouyinJson.Long(data, "total") ?? throw new DouyinResponseFormatException("success response without data.total");
            return DouyinSearchListResult.Success(new DouyinSearchListPage(
                DouyinJson.Long(data, "page") ?? 0,
                DouyinJson.Long(data, "size") ?? orders.Count,
                total,
                orders));
        }
        catch (JsonException ex)
        {
            throw new DouyinResponseFormatException("response is not valid JSON", ex);
        }
    }

    private static DouyinSearchListItem ParseItem(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new DouyinResponseFormatException("shop_order_list entry is not an object");
        }

        var orderId = DouyinJson.Id(item, "order_id") ?? throw new DouyinResponseFormatException("shop_order_list entry lacks order_id");
        var updatedAt = DouyinJson.UnixTime(item, "update_time") ?? DouyinJson.UnixTime(item, "create_time")
            ?? throw new DouyinResponseFormatException($"shop_order_list entry {orderId} lacks update_time and create_time");
        return new DouyinSearchListItem(orderId, updatedAt, DouyinJson.Id(item, "shop_id"));
    }
}
