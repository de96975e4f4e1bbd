namespace ServerlessSync.Domain.Platforms.Taobao;

/// <summary>
/// Field readers for TOP JSON. Ids (<c>tid</c>, <c>oid</c>, <c>num_iid</c>) are int64 JSON numbers with string twins
/// (<c>tid_str</c>); they are copied from the number's text, never through a double. Lists come wrapped
/// (<c>"orders":{"order":[...]}</c>) or, with <c>simplify=true</c>, bare (<c>"orders":[...]</c>).
/// </summary>
internal static class TaobaoJson
{
    /// <summary>An id as text; null when absent, empty, zero or not an integer.</summary>
    public static string? Id(JsonElement obj, string name) => PlatformJson.IdText(PlatformJson.Property(obj, name), trim: true);

    public static string? String(JsonElement obj, string name) => PlatformJson.Property(obj, name) switch
    {
        { ValueKind: JsonValueKind.String } s => PlatformJson.NonEmpty(s.GetString()),
        { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
        { ValueKind: JsonValueKind.True } => "true",
        { ValueKind: JsonValueKind.False } => "false",
        _ => null,
    };

    public static bool? Bool(JsonElement obj, string name) => PlatformJson.Property(obj, name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.String } s when bool.TryParse(s.GetString(), out var v) => v,
        _ => null,
    };

    /// <exception cref="TaobaoResponseFormatException">Present but not a yuan amount.</exception>
    public static long? Money(JsonElement obj, string name)
    {
        if (String(obj, name) is not { } text)
        {
            return null;
        }

        try
        {
            return TaobaoMoney.ToFen(text);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            throw new TaobaoResponseFormatException($"{name} is not a yuan amount", ex);
        }
    }

    /// <exception cref="TaobaoResponseFormatException">Present but not a TOP time.</exception>
    public static DateTimeOffset? Time(JsonElement obj, string name)
    {
        if (String(obj, name) is not { } text)
        {
            return null;
        }

        return TaobaoTime.TryParse(text, out var utc) ? utc : throw new TaobaoResponseFormatException($"{name} is not a TOP time");
    }

    /// <summary>The items of a TOP list: <c>{"orders":{"order":[...]}}</c>, <c>{"orders":[...]}</c>, or nothing.</summary>
    public static IEnumerable<JsonElement> List(JsonElement obj, string wrapper, string item)
    {
        var list = PlatformJson.Property(obj, wrapper) switch
        {
            { ValueKind: JsonValueKind.Object } wrapped => PlatformJson.Property(wrapped, item),
            { ValueKind: JsonValueKind.Array } bare => bare,
            _ => null,
        };
        return list switch
        {
            { ValueKind: JsonValueKind.Array } array => array.EnumerateArray(),
            { ValueKind: JsonValueKind.Object } single => [single],
            _ => [],
        };
    }

}
