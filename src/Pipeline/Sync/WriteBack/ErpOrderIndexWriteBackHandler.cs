using ServerlessSync.Pipeline.Shipments;

namespace ServerlessSync.Pipeline.Sync.WriteBack;

/// <summary>The ERP's outbound documents name its sales order only: the index leads a shipment back to this platform order.</summary>
public sealed class ErpOrderIndexWriteBackHandler(ErpOrderIndex index) : IWriteBackHandler
{
    public async Task HandleAsync(WrittenBack written, CancellationToken cancellationToken)
    {
        if (written.SyncedNow && written.Entry.ErpOrderNumber is { Length: > 0 } erpOrderNumber)
        {
            await index.PutAsync(erpOrderNumber, written.Request.Key, cancellationToken);
        }
    }
}
