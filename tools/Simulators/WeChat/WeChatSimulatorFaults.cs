namespace ServerlessSync.Simulators.WeChat;

/// <summary>
/// The order API's limits and injected faults: a token bucket of <see cref="WeChatSimulatorOptions.MaxCallsPerSecond"/>
/// (when set) and draws against the failure and throttle rates.
/// </summary>
public sealed class WeChatSimulatorFaults(WeChatSimulatorOptions options, TimeProvider time)
{
    private readonly Lock gate = new();
    private readonly Random random = options.Seed is { } seed ? new Random(seed + 1) : new Random();
    private double tokens = -1;
    private long lastRefill;

    public bool NextFails() => Draw(options.ApiFailureRate);

    /// <summary>True when the call is over the rate limit or drawn as throttled: answer 45009.</summary>
    public bool NextThrottled() => OverRate() || Draw(options.ThrottleRate);

    private bool OverRate()
    {
        var rate = options.MaxCallsPerSecond;
        if (rate <= 0)
        {
            return false;
        }

        lock (gate)
        {
            var now = time.GetTimestamp();
            var capacity = Math.Max(1, rate);
            tokens = tokens < 0 ? capacity : Math.Min(capacity, tokens + (time.GetElapsedTime(lastRefill, now).TotalSeconds * rate));
            lastRefill = now;
            if (tokens < 1)
            {
                return true;
            }

            tokens--;
            return false;
        }
    }

    private bool Draw(double rate)
    {
        if (rate <= 0)
        {
            return false;
        }

        lock (gate)
        {
            return random.NextDouble() < rate;
        }
    }
}
