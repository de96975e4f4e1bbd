using ServerlessSync.Pipeline.Events;
using ServerlessSync.Pipeline.Telemetry;

namespace ServerlessSync.Pipeline.Sync.WriteBack;

/// <summary>
/// Publishes the order event of the status the write-back recorded. Published even when the status did not change: a
/// retry after a broker failure must still send, and the broker drops the repeat by message id.
/// </summary>
public sealed class OrderEventWriteBackHandler(IOrderEventPublisher events, PipelineMetrics metrics) : IWriteBackHandler
{
    public async Task HandleAsync(WrittenBack written, CancellationToken cancellationToken)
    {
        var entry = written.Entry;
        if (entry.Status == written.Request.Status
            && OrderEventMessage.ForStatus(written.Request.Key, entry.Status, metrics.Erp, entry.ErpOrderNumber, entry.Reason, written.At) is { } message)
        {
            await events.PublishAsync(message, cancellationToken);
        }
    }
}
