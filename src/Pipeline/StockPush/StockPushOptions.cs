using ServerlessSync.Pipeline.Configuration;

namespace ServerlessSync.Pipeline.StockPush;

/// <summary>
/// The stock push (section <c>StockPush</c>): shops are looked at every <see cref="PlatformWriteBackOptions.IntervalSeconds"/>
/// (10 s), at most <see cref="PlatformWriteBackOptions.MaxPerRun"/> pushes per run; a failing SKU is alerted from its 3rd
/// failure and, after <see cref="PlatformWriteBackOptions.MaxAttempts"/>, waits for the next full refresh. Which shops push and
/// their buffers are in each mapping profile.
/// </summary>
public sealed class StockPushOptions : PlatformWriteBackOptions
{
    public const string SectionName = "StockPush";

    public StockPushOptions()
    {
        IntervalSeconds = 10;
        DefaultCallsPerSecond = 5;
        RetryBaseSeconds = 15;
        RetryMaxSeconds = 900;
    }

    /// <summary>Every SKU is pushed again this often even if its figure did not change, so the platform cannot drift from the ERP for long.</summary>
    public int FullRefreshSeconds { get; set; } = 600;

    /// <summary>After an ERP write, a SKU is pushed again no sooner than this after its last push (a burst of writes is one push per SKU).</summary>
    public int MinPushIntervalSeconds { get; set; } = 10;

    /// <summary>One process marks a shop changed at most this often, however many orders it writes (a burst is a handful of storage writes).</summary>
    public int MarkDebounceSeconds { get; set; } = 2;

    public override IEnumerable<string> Problems() =>
        base.Problems()
            .Concat(SettingRules.AtLeast(nameof(FullRefreshSeconds), FullRefreshSeconds, 1))
            .Concat(SettingRules.AtLeast(nameof(MinPushIntervalSeconds), MinPushIntervalSeconds, 0))
            .Concat(SettingRules.AtLeast(nameof(MarkDebounceSeconds), MarkDebounceSeconds, 0));
}
