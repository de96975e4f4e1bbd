namespace ServerlessSync.Domain.Erp.YonBip;

/// <summary>
/// 物料档案列表查询 <c>POST /yonbip/digitalModel/product/list</c> with <c>pageIndex</c>, <c>pageSize</c> and a <c>name</c>
/// or <c>code</c> filter; the answer's <c>data.recordList[]</c> carries <c>code</c>, <c>name</c> and <c>unit_Code</c>.
/// Whether <c>name</c>/<c>code</c> match part of the value is not documented; the search asks by name, then by code, and
/// keeps each material once.
/// </summary>
public static class YonBipProductQuery
{
    public static string BuildBody(string field, string text, int top)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        return new JsonObject { ["pageIndex"] = 1, ["pageSize"] = top, [field is "name" or "code" ? field : throw new ArgumentException("name or code", nameof(field))] = text }.ToJsonString();
    }

    public static IReadOnlyList<ErpMaterial> Parse(YonBipResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Data.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return [];
        }

        if (response.Data.ValueKind != JsonValueKind.Object || !response.Data.TryGetProperty("recordList", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            throw new ErpProtocolException("YonBIP product list data has no recordList array.");
        }

        return list.EnumerateArray()
            .Select(r => new ErpMaterial(
                Text(r, "code") ?? throw new ErpProtocolException("YonBIP product record lacks its code."),
                Text(r, "name") ?? "",
                Text(r, "unit_Code"),
                Text(r, "modelDescription")))
            .ToList();
    }

    private static string? Text(JsonElement record, string property) =>
        record.ValueKind == JsonValueKind.Object && record.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;
}
