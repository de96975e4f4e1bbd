namespace ServerlessSync.Domain.Erp.Jushuitan;

/// <summary>
/// Closing an uploaded order after a cancel or refund: Jushuitan has no cancel API in the reference, but
/// <c>shop_status</c> is marked updatable on orders/upload, so the order is uploaded again under the same
/// (<c>shop_id</c>, <c>so_id</c>) with <c>TRADE_CLOSED</c>. The ERP order ref carries only the o_id, so the order is first
/// read with orders/single/query by <c>o_ids</c>. Our choice (the reference does not say which fields an update needs):
/// the re-upload echoes the order as the ERP returned it, minus the ERP-side fields, with only shop_status changed.
/// </summary>
public static class JushuitanOrderClose
{
    public const string ClosedStatus = "TRADE_CLOSED";

    /// <summary>Fields the query answers that belong to the ERP, not to the upload.</summary>
    private static readonly string[] ErpOnlyFields = ["o_id", "status", "modified", "paid_amount"];

    public static string ByOIdBiz(string oId, string shopId) => new JsonObject
    {
        ["shop_id"] = JushuitanOrderUpload.ShopIdNode(shopId),
        ["o_ids"] = new JsonArray(JushuitanOrderUpload.ShopIdNode(oId)),
        ["page_index"] = 1,
        ["page_size"] = JushuitanOrderQuery.PageSize,
    }.ToJsonString();

    /// <summary>The order with this o_id from an orders/single/query answer, or null when the ERP does not hold it.</summary>
    public static JsonObject? FindOrder(JushuitanResponse response, string oId)
    {
        ArgumentNullException.ThrowIfNull(response);
        var data = response.RequireData("orders/single/query");
        if (!ErpJson.TryGetProperty(data, "orders", out var orders) || orders.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var match = orders.EnumerateArray().FirstOrDefault(o => ErpJson.ReadStringProperty(o, "o_id") == oId);
        return match.ValueKind == JsonValueKind.Object ? JsonNode.Parse(match.GetRawText()) as JsonObject : null;
    }

    public static bool IsClosed(JsonObject order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order["shop_status"]?.GetValue<string>() is ClosedStatus or "TRADE_CLOSED_BY_TAOBAO";
    }

    public static string SoIdOf(JsonObject order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var soId = order["so_id"]?.ToString();
        return string.IsNullOrEmpty(soId) ? throw new ErpProtocolException("Jushuitan order lacks so_id.") : soId;
    }

    /// <summary>The orders/upload <c>biz</c> (a one-element array) that closes <paramref name="order"/>.</summary>
    public static string BuildBiz(JsonObject order, string shopId)
    {
        ArgumentNullException.ThrowIfNull(order);
        var element = (JsonObject)order.DeepClone();
        foreach (var field in ErpOnlyFields)
        {
            element.Remove(field);
        }

        element["shop_id"] = JushuitanOrderUpload.ShopIdNode(shopId);
        element["shop_status"] = ClosedStatus;
        return new JsonArray(element).ToJsonString();
    }
}
