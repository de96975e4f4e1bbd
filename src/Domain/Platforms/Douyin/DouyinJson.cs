namespace ServerlessSync.Domain.Platforms.Douyin;

/// <summary>
/// What 抖店 JSON needs beyond <see cref="PlatformJson"/>: ids are int64 JSON numbers in pushes and strings in the order
/// API (both read by the shared readers), id lists, and times that one SDK types as date-time strings.
/// </summary>
internal static class DouyinJson
{
    public static IReadOnlyList<string> Ids(JsonElement obj, string name) =>
        PlatformJson.Array(obj, name).Select(item => PlatformJson.IdText(item)).OfType<string>().ToList();

    /// <summary>
    /// A time as unix seconds (number or numeric string); also accepts a date-time string because one SDK types the
    /// refund messages' <c>update_time</c> as a time value. Zero means "not set".
    /// </summary>
    public static DateTimeOffset? UnixTime(JsonElement obj, string name)
    {
        if (PlatformJson.Long(obj, name) is not null)
        {
            return PlatformJson.UnixSeconds(obj, name);
        }

        return PlatformJson.String(obj, name) is { } text &&
               DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed.ToUniversalTime()
            : null;
    }
}
