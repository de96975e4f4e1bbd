using System.Globalization;

namespace ServerlessSync.Simulators.Core;

/// <summary>
/// Unique, increasing numeric ids shaped like a platform's order ids: <paramref name="floor"/> plus unix milliseconds times
/// <paramref name="perMillisecond"/> (room for a sequence within one millisecond), so ids from a restarted simulator do not
/// repeat earlier ones. Each platform's subclass gives its shape.
/// </summary>
public abstract class SimIdSource(TimeProvider time, long floor, long perMillisecond)
{
    private readonly Lock _gate = new();
    private long _last;

    public string Next()
    {
        lock (_gate)
        {
            var fromClock = floor + (time.GetUtcNow().ToUnixTimeMilliseconds() * perMillisecond);
            _last = Math.Max(_last + 1, fromClock);
            return _last.ToString(CultureInfo.InvariantCulture);
        }
    }
}
