using ServerlessSync.Domain.Erp;
using ServerlessSync.Pipeline.Intake;

namespace ServerlessSync.Pipeline.Sync.Batch;

/// <summary>Input of one SyncBatch run: the latest new event of each order of one intake message.</summary>
/// <param name="Retries">The run's retry settings, fixed when it started; null in runs started before they travelled here (<see cref="SyncRetryPlan.Defaults"/>).</param>
public sealed record SyncBatchInput(string BatchId, IReadOnlyList<IntakeMessage> Events, SyncRetryPlan? Retries = null);

/// <summary>What the batch's first step is asked: take the leases for <paramref name="Owner"/> (the run's instance id), then fetch and plan.</summary>
public sealed record PrepareBatchRequest(string Owner, IReadOnlyList<IntakeMessage> Events);

/// <summary>An order on the batch's happy path: its event, its current state and its plan (which carries the ERP document).</summary>
public sealed record BatchOrder(IntakeMessage Event, OrderSummary Order, SyncPlan Plan)
{
    public ErpSalesOrder Document => Plan.Document ?? throw new InvalidOperationException($"{Event.Key.InstanceId} has no ERP document to write.");
}

/// <summary>
/// What the first step left for the rest of the batch (<see cref="ToWrite"/>) and what it already settled: busy orders
/// put back or covered by the run holding them, orders with nothing missing, orders handed to their per-order run.
/// </summary>
public sealed record PreparedBatch(IReadOnlyList<BatchOrder> ToWrite, int PutBack, int Covered, int NothingMissing, int HandedOff);

public enum BatchWriteKind
{
    /// <summary>In the ERP (created now or found by the look-up): <see cref="BatchWriteOutcome.Erp"/> says which.</summary>
    InErp,

    /// <summary>The ERP refused this document (a business refusal): only this order fails.</summary>
    Rejected,

    /// <summary>Stock is short: the order continues in its per-order run, which holds it with a durable timer.</summary>
    StockShort,

    /// <summary>Worth another try (throttled, timeout, 5xx, a row the answer did not mention).</summary>
    Transient,

    /// <summary>The ERP's answer could not be matched to the documents sent: the batch is split and each half tried again.</summary>
    Unattributed,
}

/// <summary>
/// The documents of one batch write. Normally they may share ERP calls with other runs' documents waiting at the same
/// moment (the ERP write batcher: while the ERP is the bottleneck, batches grow to the ERP's maximum);
/// <paramref name="Alone"/> sends exactly these, for the halves of a batch whose answer could not be attributed.
/// </summary>
public sealed record WriteErpBatchRequest(IReadOnlyList<ErpSalesOrder> Documents, bool Alone);

/// <summary>One document's outcome of a batch write, in the order the documents were given.</summary>
public sealed record BatchWriteOutcome(BatchWriteKind Kind, ErpWriteOutcome? Erp, string? Reason);

/// <summary>The batch's last step: ledger and stats for the settled orders, then their leases given up; hand-offs to per-order runs.</summary>
public sealed record WriteBackBatchRequest(string Owner, IReadOnlyList<WriteBackRequest> Writes, IReadOnlyList<IntakeMessage> HandOffs);

public sealed record SyncBatchResult(int Orders, int Synced, int Rejected, int HandedOff, int PutBack, int Covered, int NothingMissing);
