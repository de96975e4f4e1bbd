namespace ServerlessSync.Simulators.YonBip;

/// <summary>A sliding one-minute call count per API, for the sales-order APIs' 60 calls/minute quota.</summary>
public sealed class YonBipSimMinuteLimiter
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> _calls = new(StringComparer.Ordinal);

    public bool TryTake(string api, int perMinute, DateTimeOffset now)
    {
        if (perMinute <= 0)
        {
            return true;
        }

        lock (_gate)
        {
            if (!_calls.TryGetValue(api, out var window))
            {
                _calls[api] = window = new Queue<DateTimeOffset>();
            }

            while (window.Count > 0 && now - window.Peek() >= TimeSpan.FromMinutes(1))
            {
                window.Dequeue();
            }

            if (window.Count >= perMinute)
            {
                return false;
            }

            window.Enqueue(now);
            return true;
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _calls.Clear();
        }
    }
}
