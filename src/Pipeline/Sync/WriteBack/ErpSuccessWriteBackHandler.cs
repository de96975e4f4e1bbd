using ServerlessSync.Pipeline.Alerts;

namespace ServerlessSync.Pipeline.Sync.WriteBack;

/// <summary>A write the ERP accepted resets its consecutive-failure count, so the next failure alerts afresh.</summary>
public sealed class ErpSuccessWriteBackHandler(AlertService alerts) : IWriteBackHandler
{
    public async Task HandleAsync(WrittenBack written, CancellationToken cancellationToken)
    {
        if (written.Request is { ErpTarget: { } target, Status: SyncStatus.Synced })
        {
            await alerts.RecordSuccessAsync(target, cancellationToken);
        }
    }
}
