namespace ServerlessSync.Simulators.Kuaishou;

/// <summary>The open API's injected faults: draws against <see cref="KuaishouSimulatorOptions.ApiFailureRate"/> and <see cref="KuaishouSimulatorOptions.ThrottleRate"/>.</summary>
public sealed class KuaishouSimulatorFaults(KuaishouSimulatorOptions options)
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
