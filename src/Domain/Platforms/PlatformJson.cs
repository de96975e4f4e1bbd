namespace ServerlessSync.Domain.Platforms;

/// <summary>
/// The field readers the four platforms' JSON share: a missing or null property reads as null, numbers may come as
/// numeric strings, and ids (int64 and larger) are copied from the number's text, never through a double. What one
/// platform reads its own way (Douyin's date-string times, Kuaishou's milliseconds, TOP's wrapped lists) stays in its
/// own reader beside its parser.
/// </summary>
internal static class PlatformJson
{
    /// <summary>9999-12-31T23:59:59Z; a larger value cannot be a time and would make <see cref="DateTimeOffset"/> throw.</summary>
    private const long MaxUnixSeconds = 253_402_300_799;

    public static JsonElement? Property(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    /// <summary>A numeric id as text; null when absent, empty, zero or not an integer.</summary>
    public static string? Id(JsonElement obj, string name) => IdText(Property(obj, name));

    /// <summary>A numeric id as text (a number's raw text or a string, trimmed when <paramref name="trim"/>); null when not an id.</summary>
    public static string? IdText(JsonElement? element, bool trim = false)
    {
        var text = element switch
        {
            { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
            { ValueKind: JsonValueKind.String } s => trim ? s.GetString()?.Trim() : s.GetString(),
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

    /// <summary>A string, or a number's text.</summary>
    public static string? String(JsonElement obj, string name) => Property(obj, name) switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
        _ => null,
    };

    /// <summary>Unix seconds (number or numeric string); zero means "not set".</summary>
    public static DateTimeOffset? UnixSeconds(JsonElement obj, string name) =>
        Long(obj, name) is { } seconds && seconds > 0 && seconds <= MaxUnixSeconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    public static IEnumerable<JsonElement> Array(JsonElement obj, string name) =>
        Property(obj, name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    public static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    private static bool IsId(string? text) =>
        !string.IsNullOrEmpty(text) && text.Length <= 32 && text.All(char.IsAsciiDigit) && text.Any(c => c != '0');
}
