using ServerlessSync.Pipeline.Quarantine;

namespace ServerlessSync.Pipeline.Sync.WriteBack;

/// <summary>
/// Keeps the quarantine index in step with the ledger: an order that waits for a person is listed, one that stopped
/// waiting is removed. The index follows the ledger, so a reader can briefly see a synced order still listed.
/// </summary>
public sealed class QuarantineWriteBackHandler(QuarantineIndex index) : IWriteBackHandler
{
    public async Task HandleAsync(WrittenBack written, CancellationToken cancellationToken)
    {
        var (request, entry) = (written.Request, written.Entry);
        if (QuarantineIndex.IsWaiting(entry.Status))
        {
            await index.PutAsync(new QuarantinedOrder(request.Key, entry.Status, entry.Reason ?? request.Note, request.UnmappedSkus ?? [], written.At), cancellationToken);
        }
        else if (written.Previous is { } was && QuarantineIndex.IsWaiting(was))
        {
            await index.RemoveAsync(request.Key, cancellationToken);
        }
    }
}
