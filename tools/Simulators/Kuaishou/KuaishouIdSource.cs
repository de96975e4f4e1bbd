using System.Globalization;

namespace ServerlessSync.Simulators.Kuaishou;

/// <summary>
/// Unique, increasing 16-digit ids shaped like 快手 order ids (e.g. 2607602240240301): a base plus unix ms × 100 plus a
/// sequence, so ids from a restarted simulator do not repeat earlier ones.
/// </summary>
public sealed class KuaishouIdSource(TimeProvider time)
{
    private const long Base = 2_500_000_000_000_000;
    private readonly Lock gate = new();
    private long last;

    public string Next()
    {
        lock (gate)
        {
            var fromClock = Base + (time.GetUtcNow().ToUnixTimeMilliseconds() * 100);
            last = Math.Max(last + 1, fromClock);
            return last.ToString(CultureInfo.InvariantCulture);
        }
    }
}
