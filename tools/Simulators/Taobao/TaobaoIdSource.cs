using System.Globalization;

namespace ServerlessSync.Simulators.Taobao;

/// <summary>
/// Unique, increasing 19-digit ids shaped like Taobao tids/oids (above 2^53, below 2^63 so they stay JSON int64
/// numbers), derived from the clock so a restarted simulator does not repeat earlier ids.
/// </summary>
public sealed class TaobaoIdSource(TimeProvider time)
{
    private const long Base = 3_500_000_000_000_000_000;
    private readonly Lock gate = new();
    private long last;

    public string Next()
    {
        lock (gate)
        {
            var fromClock = Base + (time.GetUtcNow().ToUnixTimeMilliseconds() * 1_000);
            last = Math.Max(last + 1, fromClock);
            return last.ToString(CultureInfo.InvariantCulture);
        }
    }
}
