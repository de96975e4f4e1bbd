namespace ServerlessSync.Pipeline.Erp;

/// <summary>How ERP calls from concurrent activities are gathered into batches, bound from <c>Erp</c>.</summary>
public sealed class ErpBatchingOptions
{
    public const string SectionName = "Erp";

    /// <summary>
    /// How long the first write or stock check of a batch waits for others before the batch goes, in milliseconds.
    /// Only matters while the ERP keeps up: when it does not, requests keep gathering until it has room (up to
    /// <see cref="BatchMaxWaitMs"/>). Small, because every order waits it once per ERP step.
    /// </summary>
    [Range(0, 1000)]
    public int BatchWindowMs { get; set; } = 30;

    /// <summary>
    /// How long, in milliseconds, a batch that is not full may keep gathering after its window while the ERP has no room
    /// for another call (the governor would queue it). After this it goes anyway and waits its turn at the governor.
    /// </summary>
    [Range(0, 60_000)]
    public int BatchMaxWaitMs { get; set; } = 2000;

    public TimeSpan BatchWindow => TimeSpan.FromMilliseconds(BatchWindowMs);

    public TimeSpan BatchMaxWait => TimeSpan.FromMilliseconds(BatchMaxWaitMs);

    /// <summary>What is wrong with these settings (checked when the app starts).</summary>
    public IEnumerable<string> Problems() =>
        SettingRules.AtLeast(nameof(BatchWindowMs), BatchWindowMs, 0).Concat(SettingRules.AtLeast(nameof(BatchMaxWaitMs), BatchMaxWaitMs, BatchWindowMs));
}
