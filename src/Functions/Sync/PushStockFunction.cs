using ServerlessSync.Pipeline.StockPush;

namespace ServerlessSync.Functions.Sync;

/// <summary>
/// Timer trigger for the stock push: shops marked by an ERP write, SKUs whose retry is due and, every
/// <c>StockPush:FullRefreshSeconds</c>, every SKU get the ERP's available stock on the platform. A failure is retried later.
/// </summary>
public sealed class PushStockFunction(StockPusher pusher, ILogger<PushStockFunction> logger)
{
    public const string Name = "PushStock";

    /// <summary>Every 10 seconds (six-field NCRONTAB).</summary>
    public const string Schedule = "*/10 * * * * *";

    [Function(Name)]
    public async Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        var result = await pusher.RunAsync(cancellationToken);
        logger.LogInformation(
            "Stock-push tick (past due: {PastDue}): {Pushed} pushed, {Unchanged} unchanged, {Deferred} deferred, {Failed} failed, {ShopsFailed} shops failed",
            timer.IsPastDue, result.Pushed, result.Unchanged, result.Deferred, result.Failed, result.ShopsFailed);
    }
}
