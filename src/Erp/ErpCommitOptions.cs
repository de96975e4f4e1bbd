namespace ServerlessSync.Pipeline.Erp;

/// <summary>How long an ERP may still commit a create the hub got no answer for, bound from <c>Erp</c>.</summary>
public sealed class ErpCommitOptions
{
    public const string SectionName = "Erp";

    /// <summary>
    /// Seconds after an unanswered create (timeout, dropped connection, worker died) during which the ERP may still
    /// commit it: longer than the ERP server's own request time-out (IIS, which hosts K/3 Cloud, stops a request after
    /// 110 s by default). Until then, a look-up that finds nothing neither leads to a second create (ERPs without an
    /// enforced key) nor to "cancelled before the ERP" (all ERPs); the order's durable retry looks again later.
    /// </summary>
    [Range(0, 3600)]
    public int CommitHorizonSeconds { get; set; } = 120;

    public TimeSpan CommitHorizon => TimeSpan.FromSeconds(CommitHorizonSeconds);

    /// <summary>What is wrong with these settings (checked when the app starts).</summary>
    public IEnumerable<string> Problems() => SettingRules.AtLeast(nameof(CommitHorizonSeconds), CommitHorizonSeconds, 0);
}
