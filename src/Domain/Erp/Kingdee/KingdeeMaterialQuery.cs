namespace ServerlessSync.Domain.Erp.Kingdee;

/// <summary>
/// The material search on K/3 Cloud: ExecuteBillQuery on BD_MATERIAL, code or name containing the text, at most
/// <c>top</c> rows ordered by code. The answer is the bare 2-D array in <see cref="FieldKeys"/> order.
/// </summary>
public static class KingdeeMaterialQuery
{
    public static readonly IReadOnlyList<string> FieldKeys = ["FNumber", "FName", "FSpecification", "FBaseUnitId.FNumber"];

    public static KingdeeBillQuery Search(string text, int top) =>
        new(KingdeeFormIds.Material, FieldKeys, $"{KingdeeFilter.Contains("FNumber", text)} or {KingdeeFilter.Contains("FName", text)}")
        {
            OrderString = "FNumber ASC",
            TopRowCount = top,
            Limit = top,
        };

    public static IReadOnlyList<ErpMaterial> Parse(KingdeeQueryResponse answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return answer.Rows.Select(row => row.Count >= 4 && !string.IsNullOrEmpty(row[0])
                ? new ErpMaterial(row[0]!, row[1] ?? "", Blank(row[3]), Blank(row[2]))
                : throw new ErpProtocolException("Kingdee BD_MATERIAL row lacks the material code."))
            .ToList();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
