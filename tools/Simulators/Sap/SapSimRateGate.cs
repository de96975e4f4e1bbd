using System.Diagnostics;

namespace ServerlessSync.Simulators.Sap;

/// <summary>Token bucket holding one second's worth of calls, refilled continuously.</summary>
public sealed class SapSimRateGate
{
    private readonly Lock _gate = new();
    private double _tokens = double.NaN;
    private long _lastTicks;

    public bool TryTake(double ratePerSecond)
    {
        if (ratePerSecond <= 0)
        {
            return true;
        }

        var capacity = Math.Max(1, ratePerSecond);
        lock (_gate)
        {
            var now = Stopwatch.GetTimestamp();
            _tokens = double.IsNaN(_tokens)
                ? capacity
                : Math.Min(capacity, _tokens + (Stopwatch.GetElapsedTime(_lastTicks, now).TotalSeconds * ratePerSecond));
            _lastTicks = now;
            if (_tokens < 1)
            {
                return false;
            }

            _tokens -= 1;
            return true;
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _tokens = double.NaN;
        }
    }
}
