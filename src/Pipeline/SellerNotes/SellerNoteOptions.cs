using ServerlessSync.Domain.Orders;
using ServerlessSync.Pipeline.Configuration;

namespace ServerlessSync.Pipeline.SellerNotes;

/// <summary>The seller-note write-back (section <c>SellerNotes</c>); which shops write and in which words is in each mapping profile.</summary>
public sealed class SellerNoteOptions
{
    public const string SectionName = "SellerNotes";

    /// <summary>How often the queue of notes to write is worked (LocalHost timer; the Functions timer runs every 15 s).</summary>
    public int IntervalSeconds { get; set; } = 15;

    /// <summary>Notes worked per run at most, so one run always ends.</summary>
    public int MaxPerRun { get; set; } = 500;

    /// <summary>
    /// Platform calls per second toward each platform (the order read and the note write each count). No note API's rate
    /// is documented (loop.md §1), so the default is modest; a platform missing here uses <see cref="DefaultCallsPerSecond"/>.
    /// </summary>
    public Dictionary<string, double> CallsPerSecond { get; set; } = [];

    public double DefaultCallsPerSecond { get; set; } = 10;

    /// <summary>Failed tries of one order's note before it is alerted (SellerNoteFailed).</summary>
    public int AlertAfterAttempts { get; set; } = 3;

    /// <summary>Tries before an order's note is given up (recorded in its history and alerted).</summary>
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
    public IEnumerable<string> Problems() =>
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
