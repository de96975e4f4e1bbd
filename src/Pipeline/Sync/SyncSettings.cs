using ServerlessSync.Pipeline.Configuration;
namespace ServerlessSync.Pipeline.Sync;

/// <summary>Durable retry settings for the sync (bound from <c>Sync</c>). Short transient retries happen inside activities.</summary>
public sealed class SyncSettings
{
    public const string SectionName = "Sync";

    /// <summary>
    /// With the 5 s first retry, doubling up to 300 s, 10 attempts keep an order trying for about 20 minutes before it
    /// fails to a person. Each attempt is a look-up and a write, so an ERP failing 20 % of calls fails ~36 % of attempts:
    /// 6 attempts lost about 1 order in 450 in the bench's erp-faults run, 10 attempts about 1 in 27,000.
    /// </summary>
    public int WriteErpMaxAttempts { get; set; } = 10;

    public int WriteErpFirstRetrySeconds { get; set; } = 5;

    public int WriteErpMaxRetrySeconds { get; set; } = 300;

    public int FetchMaxAttempts { get; set; } = 5;

    public int FetchFirstRetrySeconds { get; set; } = 2;

    /// <summary>Activity tries of one write-back round (ledger, stats, leases), with a doubling delay from <see cref="WriteBackFirstRetrySeconds"/> up to 30 s.</summary>
    public int WriteBackAttempts { get; set; } = 5;

    public int WriteBackFirstRetrySeconds { get; set; } = 2;

    /// <summary>How often a write-back that failed after the ERP write succeeded is tried again (durable timer).</summary>
    public int WriteBackRetrySeconds { get; set; } = 300;

    /// <summary>Rounds of write-back retries after an ERP write before the run gives up (288 × 5 min = 24 h).</summary>
    public int WriteBackMaxRounds { get; set; } = 288;

    /// <summary>Durable tries of a batch run's ERP write for the orders it could not settle; then they continue in their per-order runs.</summary>
    public int BatchWriteAttempts { get; set; } = 3;

    /// <summary>
    /// How long a batch run's lease on its orders lasts: longer than a batch takes (its ERP tries included), short enough
    /// that the orders of a crashed run are free again soon.
    /// </summary>
    public int BatchLeaseSeconds { get; set; } = 600;

    /// <summary>
    /// How long a per-order run's lease lasts. It ends with the run's last ledger write; the bound only matters if the run
    /// crashed, and events for such an order meanwhile go to a new per-order run, which takes the lease over.
    /// </summary>
    public int OrderRunLeaseMinutes { get; set; } = 360;

    /// <summary>
    /// Order-detail calls a batch run makes at once per platform. The platforms publish no numeric limit
    /// (reference/platforms.md: Douyin answers code 60000 "isv.traffic-limited"); a refused fetch sends that order to its
    /// per-order run, which retries it durably.
    /// </summary>
    public int FetchConcurrencyPerPlatform { get; set; } = 8;

    public TimeSpan BatchLease => TimeSpan.FromSeconds(Math.Max(30, BatchLeaseSeconds));

    public TimeSpan OrderRunLease => TimeSpan.FromMinutes(Math.Max(1, OrderRunLeaseMinutes));

    /// <summary>What is wrong with these settings (checked when the app starts).</summary>
    public IEnumerable<string> Problems() =>
        SettingRules.AtLeast(nameof(WriteErpMaxAttempts), WriteErpMaxAttempts, 1)
            .Concat(SettingRules.AtLeast(nameof(WriteErpFirstRetrySeconds), WriteErpFirstRetrySeconds, 1))
            .Concat(SettingRules.AtLeast(nameof(WriteBackAttempts), WriteBackAttempts, 1))
            .Concat(SettingRules.AtLeast(nameof(WriteBackFirstRetrySeconds), WriteBackFirstRetrySeconds, 1))
            .Concat(SettingRules.AtLeast(nameof(WriteErpMaxRetrySeconds), WriteErpMaxRetrySeconds, WriteErpFirstRetrySeconds))
            .Concat(SettingRules.AtLeast(nameof(FetchMaxAttempts), FetchMaxAttempts, 1))
            .Concat(SettingRules.AtLeast(nameof(FetchFirstRetrySeconds), FetchFirstRetrySeconds, 1))
            .Concat(SettingRules.AtLeast(nameof(WriteBackRetrySeconds), WriteBackRetrySeconds, 1))
            .Concat(SettingRules.AtLeast(nameof(WriteBackMaxRounds), WriteBackMaxRounds, 1))
            .Concat(SettingRules.AtLeast(nameof(BatchWriteAttempts), BatchWriteAttempts, 1))
            .Concat(SettingRules.AtLeast(nameof(BatchLeaseSeconds), BatchLeaseSeconds, 30))
            .Concat(SettingRules.AtLeast(nameof(OrderRunLeaseMinutes), OrderRunLeaseMinutes, 1))
            .Concat(SettingRules.AtLeast(nameof(FetchConcurrencyPerPlatform), FetchConcurrencyPerPlatform, 1));
}
