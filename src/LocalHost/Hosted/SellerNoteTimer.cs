using ServerlessSync.Pipeline.SellerNotes;

namespace ServerlessSync.LocalHost.Hosted;

/// <summary>The local stand-in for the Functions seller-note timer: every <c>SellerNotes:IntervalSeconds</c> it works the queue of ERP numbers to write to the platform orders.</summary>
public sealed class SellerNoteTimer(IServiceProvider services, IOptions<SellerNoteOptions> options, ILogger<SellerNoteTimer> logger)
    : PeriodicWork(services, TimeSpan.FromSeconds(options.Value.IntervalSeconds), logger)
{
    protected override string WhatWaits => "the queued notes are tried again";

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<SellerNoteWriteBack>().RunAsync(cancellationToken);
}
