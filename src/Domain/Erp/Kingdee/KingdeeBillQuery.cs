namespace ServerlessSync.Domain.Erp.Kingdee;

/// <summary>An ExecuteBillQuery request. Paging: StartRow + Limit; done when fewer than Limit rows come back.</summary>
public sealed record KingdeeBillQuery(string FormId, IReadOnlyList<string> FieldKeys, string FilterString)
{
    public const int DefaultLimit = 2000;

    public string OrderString { get; init; } = "";

    public int TopRowCount { get; init; }

    public int StartRow { get; init; }

    public int Limit { get; init; } = DefaultLimit;

    public KingdeeBillQuery NextPage() => this with { StartRow = StartRow + Limit };

    public string ToBody() => KingdeeEnvelope.Raw(new JsonObject
    {
        ["FormId"] = FormId,
        ["FieldKeys"] = string.Join(',', FieldKeys),
        ["FilterString"] = FilterString,
        ["OrderString"] = OrderString,
        ["TopRowCount"] = TopRowCount,
        ["StartRow"] = StartRow,
        ["Limit"] = Limit,
    });
}
