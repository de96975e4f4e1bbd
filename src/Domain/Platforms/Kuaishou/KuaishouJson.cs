namespace ServerlessSync.Domain.Platforms.Kuaishou;

/// <summary>
/// What 快手 JSON needs beyond <see cref="PlatformJson"/> (ids are int64 JSON numbers, read by the shared readers): objects,
/// flags, number lists, and times in unix milliseconds.
/// </summary>
internal static class KuaishouJson
{
    /// <summary>Below this a "millisecond" value is taken as seconds: 10^11 ms is 1973, 10^11 s is year 5138.</summary>
    private const long SecondsThreshold = 100_000_000_000;

    /// <summary>9999-12-31T23:59:59.999Z in milliseconds; a larger value cannot be a time.</summary>
    private const long MaxUnixMilliseconds = 253_402_300_799_999;

    public static JsonElement? Object(JsonElement obj, string name) =>
        PlatformJson.Property(obj, name) is { ValueKind: JsonValueKind.Object } o ? o : null;

    public static bool Bool(JsonElement obj, string name) => PlatformJson.Property(obj, name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.String } s => string.Equals(s.GetString(), "true", StringComparison.OrdinalIgnoreCase),
        { ValueKind: JsonValueKind.Number } n => n.TryGetInt64(out var v) && v != 0,
        _ => false,
    };

    public static IReadOnlyList<long> Longs(JsonElement obj, string name) =>
        PlatformJson.Array(obj, name).Where(item => item.ValueKind == JsonValueKind.Number && item.TryGetInt64(out _)).Select(item => item.GetInt64()).ToList();

    /// <summary>
    /// A time in unix milliseconds (number or numeric string); zero or negative means "not set". The order-detail
    /// declaration does not state its time unit, so a value too small to be milliseconds is read as seconds.
    /// </summary>
    public static DateTimeOffset? Time(JsonElement obj, string name)
    {
        if (PlatformJson.Long(obj, name) is not { } value || value <= 0)
        {
            return null;
        }

        var ms = value < SecondsThreshold ? value * 1000 : value;
        return ms <= MaxUnixMilliseconds ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }
}
