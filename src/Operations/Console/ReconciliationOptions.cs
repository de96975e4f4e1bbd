using ServerlessSync.Pipeline.Configuration;
namespace ServerlessSync.Pipeline.OpsConsole;

/// <summary>Bounds of one reconciliation request (bound from <c>Reconciliation</c>): it calls the platform and the ERP per order.</summary>
public sealed class ReconciliationOptions
{
    public const string SectionName = "Reconciliation";

    /// <summary>At most this many orders are read from each side; more are reported as truncated.</summary>
    public int MaxOrders { get; set; } = 2000;

    /// <summary>ERP lookups per request; each passes the ERP governor, so this bounds the time a request takes.</summary>
    public int MaxErpLookups { get; set; } = 300;

    /// <summary>Parallel order-detail calls to the platform.</summary>
    public int PlatformConcurrency { get; set; } = 4;

    /// <summary>
    /// The platform list is by update time: an order created on the day and changed later (shipped, refunded) is listed
    /// at its last update. Listing this many days past the day's start finds those too.
    /// </summary>
    public int PlatformLookaheadDays { get; set; } = 7;

    /// <summary>What is wrong with these settings (checked when the app starts).</summary>
    public IEnumerable<string> Problems() =>
        SettingRules.AtLeast(nameof(MaxOrders), MaxOrders, 1)
            .Concat(SettingRules.AtLeast(nameof(MaxErpLookups), MaxErpLookups, 0))
            .Concat(SettingRules.AtLeast(nameof(PlatformConcurrency), PlatformConcurrency, 1))
            .Concat(SettingRules.AtLeast(nameof(PlatformLookaheadDays), PlatformLookaheadDays, 0));
}
