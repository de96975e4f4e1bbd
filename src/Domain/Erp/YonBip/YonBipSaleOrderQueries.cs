namespace ServerlessSync.Domain.Erp.YonBip;

/// <summary>
/// Looking a sales order up by the platform order number: <c>sd/voucherorder/list</c> with a <c>simpleVOs</c> eq
/// condition on the header define that carries it (the reference names this path; the dotted
/// <c>headItem.defineN</c> field syntax is our assumption since the docs leave custom-field syntax open).
/// </summary>
public static class YonBipSaleOrderQueries
{
    public const int PageSize = 10;

    public static string ByExternalOrderNoBody(string externalOrderNo, string define = YonBipHeadDefines.ExternalOrderNo)
    {
        ArgumentException.ThrowIfNullOrEmpty(externalOrderNo);
        return new JsonObject
        {
            ["pageIndex"] = 1,
            ["pageSize"] = PageSize,
            ["simpleVOs"] = new JsonArray(new JsonObject
            {
                ["field"] = YonBipHeadDefines.FieldName(define),
                ["op"] = "eq",
                ["value1"] = externalOrderNo,
            }),
            ["queryOrders"] = new JsonArray(new JsonObject { ["field"] = "id", ["order"] = "asc" }),
        }.ToJsonString();
    }

    /// <summary><c>data.recordList[]</c> → refs (distinct by id).</summary>
    public static IReadOnlyList<ErpOrderRef> ParseRefs(YonBipResponse response, string externalOrderNoDefine = YonBipHeadDefines.ExternalOrderNo)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Data.ValueKind != JsonValueKind.Object)
        {
            throw new ErpProtocolException("YonBIP voucherorder/list answered without a data object.");
        }

        if (!ErpJson.TryGetProperty(response.Data, "recordList", out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new ErpProtocolException("YonBIP voucherorder/list recordList is not an array.");
        }

        var refs = new List<ErpOrderRef>();
        foreach (var record in list.EnumerateArray())
        {
            var found = YonBipOrderRecord.Read(record, externalOrderNoDefine);
            if (refs.All(r => r.Id != found.Id))
            {
                refs.Add(found);
            }
        }

        return refs;
    }

    /// <summary>The order to treat as "the" order when several carry the same platform number: the most advanced one.</summary>
    public static ErpOrderRef? PickExisting(IReadOnlyList<ErpOrderRef> refs) =>
        refs.OrderByDescending(r => YonBipVerifyState.Progress(r.DocumentStatus)).FirstOrDefault();
}
