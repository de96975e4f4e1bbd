namespace ServerlessSync.Domain.Erp.YonBip;

/// <summary>
/// 现存量查询 <c>scm/stock/QueryCurrentStocksByCondition</c>, one product per call: whether <c>product</c> takes a list
/// is unverified, so the connector never relies on it. We pass the material code in <c>product</c>, assuming it takes
/// an ID or a code like the order fields do. <c>data</c> is a bare array of rows per org × warehouse × batch; the
/// rows' <c>availableqty</c> (else <c>currentqty</c>) is summed.
/// </summary>
public static class YonBipStockQuery
{
    public static string BuildBody(string materialNumber, string? org = null, string? warehouse = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(materialNumber);
        var body = new JsonObject { ["product"] = materialNumber };
        if (!string.IsNullOrWhiteSpace(org))
        {
            body["org"] = org;
        }

        if (!string.IsNullOrWhiteSpace(warehouse))
        {
            body["warehouse"] = warehouse;
        }

        return body.ToJsonString();
    }

    /// <summary>The available quantity of the queried product: the sum over the bare-array rows.</summary>
    public static decimal SumAvailable(YonBipResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Data.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return 0m;
        }

        if (response.Data.ValueKind != JsonValueKind.Array)
        {
            throw new ErpProtocolException("YonBIP current-stock data is not the documented bare array.");
        }

        var total = 0m;
        foreach (var row in response.Data.EnumerateArray())
        {
            var quantity = ErpJson.ReadDecimalProperty(row, "availableqty") ?? ErpJson.ReadDecimalProperty(row, "currentqty")
                ?? throw new ErpProtocolException("YonBIP current-stock row has neither availableqty nor currentqty.");
            total += quantity;
        }

        return total;
    }
}
