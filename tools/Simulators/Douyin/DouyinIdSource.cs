namespace ServerlessSync.Simulators.Douyin;

/// <summary>
/// Unique, increasing 19-digit ids shaped like 抖店 order ids ("69" + unix ms + a 4-digit sequence), so ids from a
/// restarted simulator do not repeat earlier ones.
/// </summary>
public sealed class DouyinIdSource(TimeProvider time)
{
    private const long Base = 6_900_000_000_000_000_000;
    private readonly Lock gate = new();
    private long last;

    public string Next()
    {
        lock (gate)
        {
            var fromClock = Base + (time.GetUtcNow().ToUnixTimeMilliseconds() * 10_000);
            last = Math.Max(last + 1, fromClock);
            return last.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
