using ServerlessSync.Pipeline.Shipments;
using ServerlessSync.Pipeline.Stats;

namespace ServerlessSync.LocalHost.Hosted;

/// <summary>
/// The local stand-in for the Functions shipment timer: every <c>Shipments:IntervalSeconds</c> it picks up what the ERP
/// shipped since its watermark, sends the queued shipments to the platforms and, when due, works out the shipping backlog.
/// </summary>
public sealed class ShipmentTimer(IServiceProvider services, IOptions<ShipmentOptions> options, ILogger<ShipmentTimer> logger)
    : PeriodicWork(services, TimeSpan.FromSeconds(options.Value.IntervalSeconds), logger)
{
    protected override string WhatWaits => "the ERP is read again from its watermark and queued shipments are tried again";

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<ShipmentPickup>().RunAsync(cancellationToken);
        await services.GetRequiredService<ShipmentWriteBack>().RunAsync(cancellationToken);
        await services.GetRequiredService<ShippingBacklog>().RefreshIfDueAsync(cancellationToken);
    }
}
