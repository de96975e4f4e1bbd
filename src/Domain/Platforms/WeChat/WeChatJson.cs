namespace ServerlessSync.Domain.Platforms.WeChat;

/// <summary>
/// Field readers for 微信小店 JSON. Order ids are strings in the order API and JSON numbers above 2^53 in pushes, so
/// ids are copied from the number's text, never read through a double.
/// </summary>
internal static class WeChatJson
{
    /// <summary>9999-12-31T23:59:59Z; a larger value cannot be a time and would make <see cref="DateTimeOffset"/> throw.</summary>
    private const long MaxUnixSeconds = 253_402_300_799;

    public static JsonElement? Property(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    /// <summary>A numeric id as text; null when absent, empty, zero or not an integer.</summary>
    public static string? Id(JsonElement obj, string name) => IdText(Property(obj, name));

    public static string? IdText(JsonElement? element)
    {
        var text = element switch
        {
            { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
            { ValueKind: JsonValueKind.String } s => s.GetString(),
            _ => null,
        };
        return IsId(text) ? text : null;
    }

    public static long? Long(JsonElement obj, string name) => Property(obj, name) switch
    {
        { ValueKind: JsonValueKind.Number } n when n.TryGetInt64(out var v) => v,
        { ValueKind: JsonValueKind.String } s when long.TryParse(s.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) => v,
        _ => null,
    };

    public static string? String(JsonElement obj, string name) => Property(obj, name) switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
        _ => null,
    };

    public static string? NonEmptyString(JsonElement obj, string name) => String(obj, name) is { } s && !string.IsNullOrWhiteSpace(s) ? s : null;

    /// <summary>
    /// A flag WeChat documents inconsistently (e.g. <c>is_free_gift</c>: "1:是赠品" in the doc comment, Boolean in WxJava):
    /// true, 1, "1" and "true" are all true.
    /// </summary>
    public static bool Flag(JsonElement obj, string name) => Property(obj, name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.Number } n => n.TryGetInt64(out var v) && v != 0,
        { ValueKind: JsonValueKind.String } s => s.GetString() is "1" || string.Equals(s.GetString(), "true", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    /// <summary>Unix seconds; zero means "not set".</summary>
    public static DateTimeOffset? UnixTime(JsonElement obj, string name) =>
        Long(obj, name) is { } seconds && seconds > 0 && seconds <= MaxUnixSeconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    public static IEnumerable<JsonElement> Array(JsonElement obj, string name) =>
        Property(obj, name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    private static bool IsId(string? text) =>
        !string.IsNullOrEmpty(text) && text.Length <= 32 && text.All(char.IsAsciiDigit) && text.Any(c => c != '0');
}
