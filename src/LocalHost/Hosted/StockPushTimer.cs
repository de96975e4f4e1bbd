using ServerlessSync.Pipeline.StockPush;

namespace ServerlessSync.LocalHost.Hosted;

/// <summary>
/// The local stand-in for the Functions stock-push timer: every <c>StockPush:IntervalSeconds</c> the shops marked by ERP
/// writes, the SKUs whose retry is due and, now and then, every SKU get the ERP's available stock on the platform.
/// </summary>
public sealed class StockPushTimer(IServiceProvider services, IOptions<StockPushOptions> options, ILogger<StockPushTimer> logger)
    : PeriodicWork(services, TimeSpan.FromSeconds(options.Value.IntervalSeconds), logger)
{
    protected override string WhatWaits => "the shops are tried again";

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<StockPusher>().RunAsync(cancellationToken);
}
