using ServerlessSync.Pipeline.Telemetry;

namespace ServerlessSync.Pipeline.Sync.WriteBack;

/// <summary>Counts the order's status change in the pipeline metrics.</summary>
public sealed class MetricsWriteBackHandler(PipelineMetrics metrics) : IWriteBackHandler
{
    public Task HandleAsync(WrittenBack written, CancellationToken cancellationToken)
    {
        metrics.StatusChanged(written.Request.Key, written.Previous, written.Entry.Status);
        return Task.CompletedTask;
    }
}
