namespace ServerlessSync.Simulators.Core;

/// <summary>
/// The fault dice of a simulator: seeded (so a test replays the same faults) or random. A probability of 0 or less never
/// comes up and 1 or more always does, without a throw of the dice.
/// </summary>
public sealed class SimDice
{
    private readonly Lock _gate = new();
    private Random _random;

    public SimDice(int? seed) => _random = New(seed);

    /// <summary>True with the given probability.</summary>
    public bool Roll(double probability)
    {
        if (probability <= 0)
        {
            return false;
        }

        if (probability >= 1)
        {
            return true;
        }

        lock (_gate)
        {
            return _random.NextDouble() < probability;
        }
    }

    /// <summary>Starts the dice again from <paramref name="seed"/> (null: a random seed).</summary>
    public void Reset(int? seed)
    {
        lock (_gate)
        {
            _random = New(seed);
        }
    }

    private static Random New(int? seed) => seed is { } s ? new Random(s) : new Random();
}
