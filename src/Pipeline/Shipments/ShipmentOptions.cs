using ServerlessSync.Pipeline.Configuration;

namespace ServerlessSync.Pipeline.Shipments;

/// <summary>
/// Shipments back to the platforms (section <c>Shipments</c>): every 15 s the ERP's outbound documents are read from a
/// watermark and the queued shipments are sent; a failing shipment is retried after 30 s doubling to 1 h, alerted
/// (ShipmentFailed) from its 3rd failure and given up after 12. The carrier map is in each shop's mapping profile. The
/// shipping backlog is worked out again at most every 60 s over the last 14 business days.
/// </summary>
public sealed class ShipmentOptions : PlatformWriteBackOptions
{
    public const string SectionName = "Shipments";

    /// <summary>Each read starts this far before the watermark, so an outbound document committed late is still seen.</summary>
    public int OverlapSeconds { get; set; } = 300;

    /// <summary>How far back the first read goes when the ERP has no watermark yet.</summary>
    public int InitialLookbackMinutes { get; set; } = 1440;

    /// <summary>
    /// How often the shipping backlog (the oldest order awaiting shipment per shop, ShippingBacklog in the operations project) is worked
    /// out again after a shipment run: the dashboard's figure is at most this old, plus one shipment interval.
    /// </summary>
    public int BacklogRefreshSeconds { get; set; } = 60;

    /// <summary>How many business days back (today included) the shipping backlog looks for orders awaiting shipment.</summary>
    public int BacklogLookbackDays { get; set; } = 14;

    public override IEnumerable<string> Problems() =>
        base.Problems()
            .Concat(SettingRules.AtLeast(nameof(OverlapSeconds), OverlapSeconds, 0))
            .Concat(SettingRules.AtLeast(nameof(InitialLookbackMinutes), InitialLookbackMinutes, 0))
            .Concat(SettingRules.AtLeast(nameof(BacklogRefreshSeconds), BacklogRefreshSeconds, 0))
            .Concat(SettingRules.AtLeast(nameof(BacklogLookbackDays), BacklogLookbackDays, 1));
}
