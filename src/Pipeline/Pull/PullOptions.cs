using ServerlessSync.Pipeline.Configuration;
namespace ServerlessSync.Pipeline.Pull;

/// <summary>Incremental pull settings (section <c>Pull</c>).</summary>
public sealed class PullOptions
{
    public const string SectionName = "Pull";

    /// <summary>Each pull starts this far before the shop's watermark, so orders updated while the last pull ran are seen again.</summary>
    public int OverlapSeconds { get; set; } = 300;

    /// <summary>A shop pulled for the first time looks back this far.</summary>
    public int InitialLookbackMinutes { get; set; } = 60;

    /// <summary>The window ends this far before now: platforms index updates with a small delay.</summary>
    public int SettleSeconds { get; set; } = 5;

    /// <summary>Bound on pages per shop and run, so one run always ends.</summary>
    public int MaxPagesPerRun { get; set; } = 2000;

    /// <summary>What is wrong with these settings (checked when the app starts).</summary>
    public IEnumerable<string> Problems() =>
        SettingRules.AtLeast(nameof(OverlapSeconds), OverlapSeconds, 0)
            .Concat(SettingRules.AtLeast(nameof(InitialLookbackMinutes), InitialLookbackMinutes, 0))
            .Concat(SettingRules.AtLeast(nameof(SettleSeconds), SettleSeconds, 0))
            .Concat(SettingRules.AtLeast(nameof(MaxPagesPerRun), MaxPagesPerRun, 1));
}
