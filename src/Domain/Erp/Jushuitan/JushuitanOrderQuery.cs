namespace ServerlessSync.Domain.Erp.Jushuitan;

/// <summary>
/// Lookup by platform order number: orders/single/query with <c>so_ids</c> (and the shop). The response shape is
/// not in the reference; we read <c>data.orders[]</c> with <c>o_id, so_id, status, pay_amount</c>, as Jushuitan's other list
/// answers are shaped, and the simulator answers so.
/// </summary>
public static class JushuitanOrderQuery
{
    public const int PageSize = 30;

    /// <summary>
    /// One page of the orders with these so_ids (page_index from 1). so_id is unique within a shop, so
    /// <see cref="PageSize"/> numbers or fewer fit one page.
    /// </summary>
    public static string BySoIdsBiz(IEnumerable<string> soIds, string shopId, int pageIndex = 1) => new JsonObject
    {
        ["shop_id"] = JushuitanOrderUpload.ShopIdNode(shopId),
        ["so_ids"] = new JsonArray(soIds.Select(s => (JsonNode?)s).ToArray()),
        ["page_index"] = pageIndex,
        ["page_size"] = PageSize,
    }.ToJsonString();

    /// <summary><c>data.has_next</c>: another page follows.</summary>
    public static bool HasNextPage(JushuitanResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return ErpJson.ReadBoolProperty(response.RequireData("orders/single/query"), "has_next") ?? false;
    }

    /// <summary>so_id → the ERP order (o_id as number and id, the ERP status as document status).</summary>
    public static IReadOnlyDictionary<string, ErpOrderRef> ParseRefs(JushuitanResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var data = response.RequireData("orders/single/query");
        var refs = new Dictionary<string, ErpOrderRef>(StringComparer.Ordinal);
        if (!ErpJson.TryGetProperty(data, "orders", out var orders) || orders.ValueKind == JsonValueKind.Null)
        {
            return refs;
        }

        if (orders.ValueKind != JsonValueKind.Array)
        {
            throw new ErpProtocolException("Jushuitan orders/single/query data.orders is not an array.");
        }

        foreach (var order in orders.EnumerateArray())
        {
            var soId = ErpJson.ReadStringProperty(order, "so_id");
            var oId = ErpJson.ReadStringProperty(order, "o_id");
            if (string.IsNullOrEmpty(soId) || string.IsNullOrEmpty(oId))
            {
                throw new ErpProtocolException("Jushuitan order lacks so_id or o_id.");
            }

            refs.TryAdd(soId, new ErpOrderRef(
                oId, oId, ErpJson.ReadStringProperty(order, "status") ?? "", soId,
                ErpAmount.FenFromYuan(ErpJson.ReadStringProperty(order, "pay_amount"), $"Jushuitan pay_amount of {oId}")));
        }

        return refs;
    }
}
