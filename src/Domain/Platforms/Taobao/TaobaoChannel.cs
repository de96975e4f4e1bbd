namespace ServerlessSync.Domain.Platforms.Taobao;

/// <summary>
/// A readable sales channel from the trade's <c>trade_from</c> (WAP, HITAO, TOP, TAOBAO, JHS; comma-separated) or,
/// when that is absent, the lines' <c>order_from</c> (jhs, taobao, wap), e.g. "手机·聚划算".
/// </summary>
public static class TaobaoChannel
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["WAP"] = "手机",
        ["HITAO"] = "嗨淘",
        ["TOP"] = "TOP平台",
        ["TAOBAO"] = "淘宝",
        ["JHS"] = "聚划算",
    };

    public static string? Describe(string? tradeFrom, IEnumerable<string?> lineOrderFrom)
    {
        var tokens = Split(tradeFrom);
        if (tokens.Count == 0)
        {
            tokens = lineOrderFrom.SelectMany(Split).ToList();
        }

        var names = tokens
            .Select(t => Names.GetValueOrDefault(t, t))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return names.Count == 0 ? null : string.Join('·', names);
    }

    private static List<string> Split(string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? []
            : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
