namespace ServerlessSync.Simulators.Taobao;

/// <summary>The gateway's injected faults: draws against <see cref="TaobaoSimulatorOptions.ApiFailureRate"/> and <see cref="TaobaoSimulatorOptions.ThrottleRate"/>.</summary>
public sealed class TaobaoSimulatorFaults(TaobaoSimulatorOptions options)
{
    private readonly Lock gate = new();
    private readonly Random random = options.Seed is { } seed ? new Random(seed + 1) : new Random();

    public bool NextFails() => Draw(options.ApiFailureRate);

    public bool NextThrottled() => Draw(options.ThrottleRate);

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
