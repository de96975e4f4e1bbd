using System.Diagnostics;

namespace ServerlessSync.Simulators.Kingdee;

/// <summary>Token bucket holding one second's worth of calls, refilled continuously.</summary>
public sealed class KingdeeSimTokenBucket
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
            if (double.IsNaN(_tokens))
            {
                _tokens = capacity;
            }
            else
            {
                var elapsed = Stopwatch.GetElapsedTime(_lastTicks, now).TotalSeconds;
                _tokens = Math.Min(capacity, _tokens + (elapsed * ratePerSecond));
            }

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
