using ServerlessSync.Simulators.Kingdee;

namespace ServerlessSync.Simulators.Jushuitan;

/// <summary>
/// The simulator's singleton: options, data, token clock and metrics. Tests use it in-process to inspect orders,
/// set stock or reset, while the HTTP endpoints serve the Jushuitan open-API protocol over it. Metrics and the rate
/// bucket are the types the Kingdee simulator uses, so every ERP reports alike.
/// </summary>
public sealed class JushuitanSimulatorState
{
    private readonly Lock _diceGate = new();
    private Random _dice;
    private long _tokenIssuedAtTicks;

    public JushuitanSimulatorState(JushuitanSimulatorOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Time = time ?? TimeProvider.System;
        Store = new JushuitanSimStore(options);
        _dice = NewDice(options);
        RenewToken();
    }

    public JushuitanSimulatorOptions Options { get; }

    public TimeProvider Time { get; }

    public JushuitanSimStore Store { get; }

    public KingdeeSimMetrics Metrics { get; } = new();

    internal KingdeeSimTokenBucket Bucket { get; } = new();

    public IReadOnlyList<JushuitanSimOrder> Orders => Store.Orders();

    public IReadOnlyList<string> Duplicates => Store.DuplicateSoIds();

    public bool IsTokenValid(string? token) =>
        token == Options.AccessToken
        && Time.GetUtcNow().UtcTicks - Interlocked.Read(ref _tokenIssuedAtTicks) < TimeSpan.FromSeconds(Options.AccessTokenLifetimeSeconds).Ticks;

    /// <summary>The access token counts as issued now (getInitToken, reset).</summary>
    public void RenewToken() => Interlocked.Exchange(ref _tokenIssuedAtTicks, Time.GetUtcNow().UtcTicks);

    /// <summary>True with the given probability, from the seeded dice.</summary>
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

        lock (_diceGate)
        {
            return _dice.NextDouble() < probability;
        }
    }

    /// <summary>Back to the seeded state: orders, stock, token clock, metrics and the dice.</summary>
    public void Reset()
    {
        Store.Reset(Options);
        Metrics.Reset();
        Bucket.Reset();
        RenewToken();
        lock (_diceGate)
        {
            _dice = NewDice(Options);
        }
    }

    private static Random NewDice(JushuitanSimulatorOptions options) => options.Seed is { } seed ? new Random(seed) : new Random();
}
