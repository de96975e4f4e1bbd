namespace ServerlessSync.Pipeline.Erp;

/// <summary>The pace one ERP endpoint can take, bound from <c>Erp:{Kind}</c> (DESIGN D4).</summary>
public sealed class ErpGovernorOptions
{
    /// <summary>HTTP calls per second this process may make to the ERP.</summary>
    public double MaxCallsPerSecond { get; set; } = 5;

    /// <summary>Calls in flight at once.</summary>
    public int MaxConcurrency { get; set; } = 2;

    /// <summary>Transient failures within the sampling window that open the circuit.</summary>
    public int BreakAfterFailures { get; set; } = 10;

    public int BreakSeconds { get; set; } = 15;

    /// <summary>How long a caller may wait for its turn before the call counts as transient.</summary>
    public int MaxQueueWaitSeconds { get; set; } = 120;

    /// <summary>What is wrong with these settings (checked when the app starts).</summary>
    public IEnumerable<string> Problems()
    {
        if (!(MaxCallsPerSecond > 0))
        {
            yield return $"{nameof(MaxCallsPerSecond)} must be above 0: it is the ERP's total calls per second";
        }

        foreach (var problem in SettingRules.AtLeast(nameof(MaxConcurrency), MaxConcurrency, 1)
            .Concat(SettingRules.AtLeast(nameof(BreakAfterFailures), BreakAfterFailures, 1))
            .Concat(SettingRules.AtLeast(nameof(BreakSeconds), BreakSeconds, 1))
            .Concat(SettingRules.AtLeast(nameof(MaxQueueWaitSeconds), MaxQueueWaitSeconds, 1)))
        {
            yield return problem;
        }
    }
}
