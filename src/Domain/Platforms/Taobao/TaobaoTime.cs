namespace ServerlessSync.Domain.Platforms.Taobao;

/// <summary>
/// TOP times are <c>yyyy-MM-dd HH:mm:ss</c> without an offset, in Beijing time (UTC+8, no daylight saving): the
/// <c>timestamp</c> system parameter, window bounds and every time field of a trade.
/// </summary>
public static class TaobaoTime
{
    public const string Format = "yyyy-MM-dd HH:mm:ss";

    public static readonly TimeSpan BeijingOffset = TimeSpan.FromHours(8);

    /// <summary>Beijing wall-clock text of <paramref name="time"/>, truncated to the second.</summary>
    public static string ToText(DateTimeOffset time) => time.ToOffset(BeijingOffset).ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>Parses Beijing wall-clock text into UTC.</summary>
    public static bool TryParse(string? text, out DateTimeOffset utc)
    {
        utc = default;
        if (!DateTime.TryParseExact(text?.Trim(), Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wallClock))
        {
            return false;
        }

        utc = new DateTimeOffset(DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified), BeijingOffset).ToUniversalTime();
        return true;
    }

    /// <exception cref="FormatException">Not <c>yyyy-MM-dd HH:mm:ss</c>.</exception>
    public static DateTimeOffset Parse(string text) =>
        TryParse(text, out var utc) ? utc : throw new FormatException($"'{text}' is not a TOP time ({Format}).");

    /// <summary>True when <paramref name="timestamp"/> is a TOP time within <paramref name="maxSkew"/> of <paramref name="now"/>.</summary>
    public static bool IsFresh(string? timestamp, DateTimeOffset now, TimeSpan maxSkew) =>
        TryParse(timestamp, out var at) && (now - at).Duration() <= maxSkew;
}
