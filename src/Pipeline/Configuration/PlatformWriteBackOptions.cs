namespace ServerlessSync.Pipeline.Configuration;

/// <summary>
/// Settings every write-back to the platforms shares (seller notes, shipments): how often its queue is worked, how fast
/// each platform is called, and how a failing item is retried, alerted and given up.
/// </summary>
public abstract class PlatformWriteBackOptions
{
    /// <summary>How often the queue is worked (LocalHost timer; the Functions timers run every 15 s).</summary>
    public int IntervalSeconds { get; set; } = 15;

    /// <summary>Items worked per run at most, so one run always ends.</summary>
    public int MaxPerRun { get; set; } = 500;

    /// <summary>
    /// Platform calls per second toward each platform (the order read and the write each count). No note or delivery API's
    /// rate is documented (loop.md §1, §2), so the default is modest; a platform missing here uses <see cref="DefaultCallsPerSecond"/>.
    /// </summary>
    public Dictionary<string, double> CallsPerSecond { get; set; } = [];

    public double DefaultCallsPerSecond { get; set; } = 10;

    /// <summary>Failed tries of one item before it is alerted.</summary>
    public int AlertAfterAttempts { get; set; } = 3;

    /// <summary>Tries before an item is given up (recorded in the ledger and alerted).</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>The wait after the first failure; it doubles with each failure up to <see cref="RetryMaxSeconds"/>.</summary>
    public int RetryBaseSeconds { get; set; } = 30;

    public int RetryMaxSeconds { get; set; } = 3600;

    public double CallsPerSecondFor(string platform) =>
        CallsPerSecond.TryGetValue(platform, out var rate) ? rate : DefaultCallsPerSecond;

    public TimeSpan RetryDelay(int failures)
    {
        var seconds = RetryBaseSeconds * Math.Pow(2, Math.Clamp(failures - 1, 0, 30));
        return TimeSpan.FromSeconds(Math.Min(seconds, RetryMaxSeconds));
    }

    /// <summary>What is wrong with these settings (checked when the app starts).</summary>
    public virtual IEnumerable<string> Problems() =>
        SettingRules.AtLeast(nameof(IntervalSeconds), IntervalSeconds, 1)
            .Concat(SettingRules.AtLeast(nameof(MaxPerRun), MaxPerRun, 1))
            .Concat(SettingRules.AtLeast(nameof(AlertAfterAttempts), AlertAfterAttempts, 1))
            .Concat(SettingRules.AtLeast(nameof(MaxAttempts), MaxAttempts, 1))
            .Concat(SettingRules.AtLeast(nameof(RetryBaseSeconds), RetryBaseSeconds, 0))
            .Concat(SettingRules.AtLeast(nameof(RetryMaxSeconds), RetryMaxSeconds, 0))
            .Concat(CallsPerSecond
                .Where(p => !PlatformNames.IsKnown(p.Key) || !(p.Value > 0))
                .Select(p => $"{SettingRules.Key(nameof(CallsPerSecond), p.Key)} must name a platform ({string.Join(", ", PlatformNames.All)}) and be above 0"))
            .Concat(DefaultCallsPerSecond > 0 ? [] : [$"{nameof(DefaultCallsPerSecond)} must be above 0"]);
}
