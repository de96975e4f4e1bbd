namespace ServerlessSync.Domain.Orders;

/// <summary>Where an order stands in the sync, as the Orders ledger records it.</summary>
public enum SyncStatus
{
    Received = 0,
    AwaitingPayment = 1,
    Quarantined = 2,
    PendingStock = 3,
    Synced = 4,
    Failed = 5,

    /// <summary>Cancelled or refunded before it reached the ERP: nothing was written.</summary>
    CancelledBeforeErp = 6,

    /// <summary>Cancelled or refunded after the ERP order exists, and the ERP refused to reverse it: a person must close it.</summary>
    CancelledAfterErp = 7,

    /// <summary>A profile rule holds the order for review; release it to write it.</summary>
    OnHold = 8,

    /// <summary>Cancelled or refunded after the ERP order existed; the ERP order was closed or reversed in the ERP's own way.</summary>
    Reversed = 9,
}

public enum SyncAction
{
    Nothing = 0,
    CreateErpOrder = 1,
    WaitForPayment = 2,
    RecordCancelledBeforeErp = 3,
    ReverseErpOrder = 4,
}

/// <summary>
/// The level-triggered decision (DESIGN D2): from the order's current platform state and what the ledger
/// says was done, decide what is missing. Events are never applied as deltas.
/// </summary>
public static class SyncDecision
{
    public static SyncAction Decide(OrderStatus platformStatus, string? erpOrderNumber, SyncStatus? ledgerStatus)
    {
        var inErp = !string.IsNullOrEmpty(erpOrderNumber);
        if (OrderStatusMachine.NeedsErpOrder(platformStatus))
        {
            return inErp ? SyncAction.Nothing : SyncAction.CreateErpOrder;
        }

        if (platformStatus == OrderStatus.PendingPayment)
        {
            return SyncAction.WaitForPayment;
        }

        // Cancelled or refunded.
        if (inErp)
        {
            return ledgerStatus == SyncStatus.Reversed ? SyncAction.Nothing : SyncAction.ReverseErpOrder;
        }

        if (ledgerStatus == SyncStatus.CancelledBeforeErp)
        {
            return SyncAction.Nothing;
        }

        // No ERP number recorded does not prove nothing was written (a committed batch whose answer was lost, a
        // write-back that kept failing): the reversal looks the order up in the ERP and reverses what it finds.
        return MayHaveReachedErp(ledgerStatus) ? SyncAction.ReverseErpOrder : SyncAction.RecordCancelledBeforeErp;
    }

    /// <summary>
    /// Whether a write may have been sent for an order whose ledger shows no ERP number: every status an ERP write can
    /// follow. No ledger row, or one that only ever waited for payment, means no write was ever planned.
    /// </summary>
    public static bool MayHaveReachedErp(SyncStatus? ledgerStatus) =>
        ledgerStatus is not (null or SyncStatus.AwaitingPayment or SyncStatus.CancelledBeforeErp);
}
