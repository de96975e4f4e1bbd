using ServerlessSync.Pipeline.Configuration;
namespace ServerlessSync.Pipeline.Stats;

/// <summary>Dashboard statistics (bound from <c>Stats</c>).</summary>
public sealed class StatsOptions
{
    public const string SectionName = "Stats";

    /// <summary>
    /// Partitions the counters are spread over, so concurrent workers rarely race for the same rows. An order always
    /// lands in the same shard (its marker and its counters share a partition), so changing this on a table that
    /// already holds counters re-counts the orders that change afterwards: set it once per deployment.
    /// </summary>
    public int Shards { get; set; } = 16;

    /// <summary>How many products the summary lists as top sellers and as slow movers.</summary>
    public int TopProducts { get; set; } = 10;

    /// <summary>What is wrong with these settings (checked when the app starts).</summary>
    public IEnumerable<string> Problems() =>
        SettingRules.AtLeast(nameof(Shards), Shards, 1).Concat(SettingRules.AtLeast(nameof(TopProducts), TopProducts, 1));
}
