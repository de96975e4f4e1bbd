namespace ServerlessSync.Domain.Platforms.Douyin;

/// <summary>
/// Field readers tolerant of how 抖店 types its values: ids are int64 JSON numbers in pushes and strings in the
/// order API. Ids are copied from the number's text, never through a double.
/// </summary>
internal static class DouyinJson
{
    /// <summary>9999-12-31T23:59:59Z; a larger value cannot be a time and would make <see cref="DateTimeOffset"/> throw.</summary>
    private const long MaxUnixSeconds = 253_402_300_799;

    public static JsonElement? Property(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    /// <summary>An id as text; null when absent, empty, zero or not an integer.</summary>
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

    public static IReadOnlyList<string> Ids(JsonElement obj, string name)
    {
        if (Property(obj, name) is not { ValueKind: JsonValueKind.Array } array)
        {
            return [];
        }

        var ids = new List<string>();
        foreach (var item in array.EnumerateArray())
        {
            var text = item.ValueKind switch
            {
                JsonValueKind.Number => item.GetRawText(),
                JsonValueKind.String => item.GetString(),
                _ => null,
            };
            if (IsId(text))
            {
                ids.Add(text!);
            }
        }

        return ids;
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

    /// <summary>
    /// A time as unix seconds (number or numeric string); also accepts a date-time string because one SDK types the
    /// refund messages' <c>update_time</c> as a time value. Zero means "not set".
    /// </summary>
    public static DateTimeOffset? UnixTime(JsonElement obj, string name)
    {
        if (Long(obj, name) is { } seconds)
        {
            return seconds > 0 && seconds <= MaxUnixSeconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
        }

        return String(obj, name) is { } text &&
               DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed.ToUniversalTime()
            : null;
    }

    private static bool IsId(string? text) =>
        !string.IsNullOrEmpty(text) && text.Length <= 32 && text.All(char.IsAsciiDigit) && text.Any(c => c != '0');
}
