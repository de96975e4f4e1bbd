namespace ServerlessSync.Domain.Platforms.Kuaishou;

/// <summary>
/// Field readers for 快手 JSON: ids are JSON numbers (int64) in pushes and the order API and are copied from the number's
/// text, never through a double; times are unix milliseconds.
/// </summary>
internal static class KuaishouJson
{
    /// <summary>Below this a "millisecond" value is taken as seconds: 10^11 ms is 1973, 10^11 s is year 5138.</summary>
    private const long SecondsThreshold = 100_000_000_000;

    /// <summary>9999-12-31T23:59:59.999Z in milliseconds; a larger value cannot be a time.</summary>
    private const long MaxUnixMilliseconds = 253_402_300_799_999;

    public static JsonElement? Property(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public static JsonElement? Object(JsonElement obj, string name) =>
        Property(obj, name) is { ValueKind: JsonValueKind.Object } o ? o : null;

    /// <summary>An id as text; null when absent, empty, zero or not an unsigned integer.</summary>
    public static string? Id(JsonElement obj, string name)
    {
        var text = Property(obj, name) switch
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

    public static bool Bool(JsonElement obj, string name) => Property(obj, name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.String } s => string.Equals(s.GetString(), "true", StringComparison.OrdinalIgnoreCase),
        { ValueKind: JsonValueKind.Number } n => n.TryGetInt64(out var v) && v != 0,
        _ => false,
    };

    public static IReadOnlyList<long> Longs(JsonElement obj, string name)
    {
        if (Property(obj, name) is not { ValueKind: JsonValueKind.Array } array)
        {
            return [];
        }

        var values = new List<long>();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Number && item.TryGetInt64(out var v))
            {
                values.Add(v);
            }
        }

        return values;
    }

    /// <summary>
    /// A time in unix milliseconds (number or numeric string); zero or negative means "not set". The order-detail
    /// declaration does not state its time unit, so a value too small to be milliseconds is read as seconds.
    /// </summary>
    public static DateTimeOffset? Time(JsonElement obj, string name)
    {
        if (Long(obj, name) is not { } value || value <= 0)
        {
            return null;
        }

        var ms = value < SecondsThreshold ? value * 1000 : value;
        return ms <= MaxUnixMilliseconds ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    public static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    private static bool IsId(string? text) =>
        !string.IsNullOrEmpty(text) && text.Length <= 32 && text.All(char.IsAsciiDigit) && text.Any(c => c != '0');
}
