using ServerlessSync.Pipeline.Sync.WriteBack;

namespace ServerlessSync.Pipeline.Stats;

/// <summary>
/// Counts the order's new state on the dashboard. A batch run's orders are counted together
/// (<see cref="StatsBatchRecorder"/>: one joined write per stats partition).
/// </summary>
public sealed class StatsWriteBackHandler(StatsRecorder one, StatsBatchRecorder many) : IJoiningWriteBackHandler
{
    public Task HandleAsync(WrittenBack written, CancellationToken cancellationToken) =>
        one.RecordAsync(written.Entry, written.Request.Sales, cancellationToken);

    public Task HandleManyAsync(IReadOnlyList<WrittenBack> written, CancellationToken cancellationToken) =>
        many.RecordAsync(written.Select(w => (w.Entry, w.Request.Sales)).ToList(), cancellationToken);
}
