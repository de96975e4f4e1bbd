using ServerlessSync.Pipeline.SellerNotes;

namespace ServerlessSync.Functions.Sync;

/// <summary>
/// Timer trigger for the seller-note write-back: the ERP numbers of synced orders queued in <see cref="SellerNoteQueue"/>
/// are written to the platform orders' seller notes at each platform's pace. A failure stays queued for a later tick.
/// </summary>
public sealed class WriteSellerNotesFunction(SellerNoteWriteBack writeBack, ILogger<WriteSellerNotesFunction> logger)
{
    public const string Name = "WriteSellerNotes";

    /// <summary>Every 15 seconds (six-field NCRONTAB).</summary>
    public const string Schedule = "*/15 * * * * *";

    [Function(Name)]
    public async Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        var result = await writeBack.RunAsync(cancellationToken);
        logger.LogInformation("Seller-note tick (past due: {PastDue}): {Written} written, {AlreadyThere} already there, {Skipped} skipped, {Failed} failed", timer.IsPastDue, result.Written, result.AlreadyThere, result.Skipped, result.Failed);
    }
}
