namespace ServerlessSync.Simulators.Core;

/// <summary>
/// The rate cap every simulator applies: a token bucket holding one second's worth of calls (at least one), refilled
/// continuously from <paramref name="clock"/>'s timestamps. A rate of 0 or less lets every call through.
/// </summary>
public sealed class SimRateGate(TimeProvider clock)
{
    private readonly Lock _gate = new();
    private double _tokens = double.NaN;
    private long _lastTimestamp;

    /// <summary>Takes one call's token; false when the bucket is empty (the call is over the rate).</summary>
    public bool TryTake(double ratePerSecond)
    {
        if (ratePerSecond <= 0)
        {
            return true;
        }

        var capacity = Math.Max(1, ratePerSecond);
        lock (_gate)
        {
            var now = clock.GetTimestamp();
            _tokens = double.IsNaN(_tokens)
                ? capacity
                : Math.Min(capacity, _tokens + (clock.GetElapsedTime(_lastTimestamp, now).TotalSeconds * ratePerSecond));
            _lastTimestamp = now;
            if (_tokens < 1)
            {
                return false;
            }

            _tokens -= 1;
            return true;
        }
    }

    /// <summary>Full again at the next call.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _tokens = double.NaN;
        }
    }
}
