using System.Globalization;

namespace ServerlessSync.Pipeline.Stats;

/// <summary>
/// The business day the dashboard and reconciliation count in: China Standard Time (UTC+8, no daylight saving),
/// the time zone of every supported platform's merchant back office.
/// </summary>
public static class StatsDay
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static string Of(DateTimeOffset at) => at.ToOffset(Offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool TryParse(string? day, out DateOnly date) =>
        DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>The day's start (inclusive) and end (exclusive) as instants.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Window(DateOnly date)
    {
        var start = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), Offset);
        return (start, start.AddDays(1));
    }

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
