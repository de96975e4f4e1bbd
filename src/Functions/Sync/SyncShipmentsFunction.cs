using ServerlessSync.Pipeline.Shipments;
using ServerlessSync.Pipeline.Stats;

namespace ServerlessSync.Functions.Sync;

/// <summary>
/// Timer trigger for shipments back to the platforms: what the ERP shipped since its watermark is picked up
/// (<see cref="ShipmentPickup"/>), then the queued shipments are sent to the platforms' delivery APIs at each platform's pace
/// (<see cref="ShipmentWriteBack"/>), and the dashboard's shipping backlog is worked out when due (<see cref="ShippingBacklog"/>).
/// A failure stays queued, or the ERP is read again from the watermark, on a later tick.
/// </summary>
public sealed class SyncShipmentsFunction(ShipmentPickup pickup, ShipmentWriteBack writeBack, ShippingBacklog backlog, ILogger<SyncShipmentsFunction> logger)
{
    public const string Name = "SyncShipments";

    /// <summary>Every 15 seconds (six-field NCRONTAB).</summary>
    public const string Schedule = "*/15 * * * * *";

    [Function(Name)]
    public async Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        var picked = await pickup.RunAsync(cancellationToken);
        var sent = await writeBack.RunAsync(cancellationToken);
        await backlog.RefreshIfDueAsync(cancellationToken);
        logger.LogInformation(
            "Shipment tick (past due: {PastDue}): {Read} read from the ERP, {Queued} queued; {Sent} sent, {AlreadyThere} already there, {Quarantined} quarantined, {Refused} refused, {Failed} failed",
            timer.IsPastDue, picked.Read, picked.Queued, sent.Sent, sent.AlreadyThere, sent.Quarantined, sent.Refused, sent.Failed);
    }
}
