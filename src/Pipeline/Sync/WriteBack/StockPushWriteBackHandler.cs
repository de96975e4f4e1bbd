using ServerlessSync.Pipeline.StockPush;

namespace ServerlessSync.Pipeline.Sync.WriteBack;

/// <summary>The ERP's stock moved with this write: the stock push learns the order's SKUs and pushes the shop's next run.</summary>
public sealed class StockPushWriteBackHandler(StockPushSignal signal) : IWriteBackHandler
{
    public async Task HandleAsync(WrittenBack written, CancellationToken cancellationToken)
    {
        if (written.SyncedNow && written.Request.Sales is { } sales)
        {
            await signal.ErpWrittenAsync(written.Request.Key, sales.Lines, cancellationToken);
        }
    }
}
