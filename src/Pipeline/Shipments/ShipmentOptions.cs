using ServerlessSync.Pipeline.Configuration;
using ServerlessSync.Pipeline.Platforms;

namespace ServerlessSync.Pipeline.Shipments;

/// <summary>
/// Shipments back to the platforms (section <c>Shipments</c>): every 15 s the ERP's outbound documents are read from a
/// watermark and the queued shipments are sent; a failing shipment is retried after 30 s doubling to 1 h, alerted
/// (ShipmentFailed) from its 3rd failure and given up after 12. The carrier map is in each shop's mapping profile.
/// </summary>
public sealed class ShipmentOptions : PlatformWriteBackOptions
{
    public const string SectionName = "Shipments";

    /// <summary>Each read starts this far before the watermark, so an outbound document committed late is still seen.</summary>
    public int OverlapSeconds { get; set; } = 300;

    /// <summary>How far back the first read goes when the ERP has no watermark yet.</summary>
    public int InitialLookbackMinutes { get; set; } = 1440;

    public override IEnumerable<string> Problems() =>
        base.Problems()
            .Concat(SettingRules.AtLeast(nameof(OverlapSeconds), OverlapSeconds, 0))
            .Concat(SettingRules.AtLeast(nameof(InitialLookbackMinutes), InitialLookbackMinutes, 0));
}
