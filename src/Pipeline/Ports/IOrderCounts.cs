namespace ServerlessSync.Pipeline.Ports;

/// <summary>
/// The dashboard's counts of orders, kept on the operations side. A write-back reaches them through its handlers; the
/// shipment steps, which change ledger rows outside a write-back, report those changes here.
/// </summary>
public interface IOrderCounts
{
    /// <summary>Counts the order's state as the ledger now has it. Never throws for storage trouble: the order's next change corrects it.</summary>
    Task RecordAsync(LedgerEntry entry, CancellationToken cancellationToken);

    /// <summary>Counts the order's state as the ledger now has it, and throws when storage fails: for a caller that retries on its own.</summary>
    Task CountAsync(LedgerEntry entry, CancellationToken cancellationToken);
}
