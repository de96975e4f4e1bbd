using Microsoft.DurableTask;
using ServerlessSync.Domain.Alerts;
using ServerlessSync.Domain.Erp;
using ServerlessSync.Domain.Mapping;
using ServerlessSync.Pipeline.Sync.Activities;

namespace ServerlessSync.Pipeline.Sync;

/// <summary>
/// One run per order event, instance id <c>{platform}:{shopId}:{orderId}</c>. Level-triggered (DESIGN D2): it
/// fetches the order's current state, compares it with the ledger, and does only what is missing.
/// </summary>
public sealed class SyncOrderOrchestrator : TaskOrchestrator<SyncOrderInput, SyncOrderResult>
{
    /// <summary>Longest pause between two looks at an order another run holds.</summary>
    private const int MaxLeaseWaitSeconds = 30;

    public override async Task<SyncOrderResult> RunAsync(TaskOrchestrationContext context, SyncOrderInput input)
    {
        var key = input.Key;
        var retries = input.Retries ?? SyncRetryPlan.Defaults;
        PreparedOrder prepared;
        for (var wait = 1; ; wait = Math.Min(wait * 2, MaxLeaseWaitSeconds))
        {
            try
            {
                prepared = await context.CallAsync(SyncTasks.PrepareOrder, key, retries.Fetch.Options());
            }
            catch (TaskFailedException ex)
            {
                var reason = $"could not read the order from {key.Platform}: {ex.FailureDetails.ErrorMessage}";
                return await FailAsync(context, retries, key, AlertKind.ErpRetriesExhausted, $"platform:{key.Platform}", reason);
            }

            if (prepared.HeldBy is not { } held)
            {
                break;
            }

            // Another run (a batch) is writing the order: wait for it to finish or for its lease to end, then read again.
            var until = held.Until.UtcDateTime.AddSeconds(1);
            var next = context.CurrentUtcDateTime.AddSeconds(wait);
            await context.CreateTimer(until < next ? until : next, CancellationToken.None);
        }

        var (order, plan) = prepared;
        switch (plan.Action)
        {
            case SyncAction.Nothing:
                return new SyncOrderResult(SyncStatus.Synced, plan.ErpOrderNumber, "nothing missing");
            case SyncAction.WaitForPayment:
                await WriteBackAsync(context, retries, order, SyncStatus.AwaitingPayment, "waiting for payment");
                return new SyncOrderResult(SyncStatus.AwaitingPayment, null, null);
            case SyncAction.RecordCancelledBeforeErp:
                await WriteBackAsync(context, retries, order, SyncStatus.CancelledBeforeErp, $"{order.Status} before reaching the ERP; nothing written");
                return new SyncOrderResult(SyncStatus.CancelledBeforeErp, null, null);
            case SyncAction.ReverseErpOrder:
                return await ReverseAsync(context, retries, order, plan);
        }

        if (plan.IsQuarantined || plan.Document is null)
        {
            var reason = string.Join("; ", plan.QuarantineReasons);
            await WriteAsync(context, retries, new WriteBackRequest(key, SyncStatus.Quarantined, reason, order.Status, order.PaidAmountFen, Reason: reason, UnmappedSkus: plan.UnmappedSkus, Sales: order.Sales));
            await AlertAsync(context, retries, AlertKind.Quarantined, ShopTarget(key), key, reason);
            return new SyncOrderResult(SyncStatus.Quarantined, null, reason);
        }

        // A person releasing a held order has reviewed it: the hold rules do not stop it again.
        if (plan.HoldReasons.Count > 0 && input.Event != SyncEvents.Release)
        {
            var reason = string.Join("; ", plan.HoldReasons);
            await WriteBackAsync(context, retries, order, SyncStatus.OnHold, $"held for review: {reason}", reason: reason);
            return new SyncOrderResult(SyncStatus.OnHold, null, reason);
        }

        SyncOrderResult? stockHeld;
        try
        {
            stockHeld = await WaitForStockAsync(context, retries, order, plan);
        }
        catch (TaskFailedException ex)
        {
            var reason = $"ERP stock query failed after {retries.Erp.Attempts} attempts: {ex.FailureDetails.ErrorMessage}";
            return await FailAsync(context, retries, key, AlertKind.ErpRetriesExhausted, plan.ErpTarget, reason, order);
        }

        if (stockHeld is not null)
        {
            return stockHeld;
        }

        var erpStarted = context.CurrentUtcDateTime;
        ErpWriteOutcome outcome;
        try
        {
            // A stock check (WaitForStockAsync) meets the same ERP as the write: throttling, timeouts, 5xx; so the same retries.
            outcome = await context.CallAsync(SyncTasks.WriteErp, plan.Document, retries.Erp.Options());
        }
        catch (TaskFailedException ex)
        {
            var reason = $"ERP write failed after {retries.Erp.Attempts} attempts: {ex.FailureDetails.ErrorMessage}";
            return await FailAsync(context, retries, key, AlertKind.ErpRetriesExhausted, plan.ErpTarget, reason, order);
        }

        if (!outcome.IsInErp)
        {
            return await FailAsync(context, retries, key, AlertKind.ErpRejected, plan.ErpTarget, RejectedReason(outcome), order);
        }

        await WriteBackAfterErpAsync(context, retries, SyncedWrite(order, plan, outcome, context.CurrentUtcDateTime - erpStarted));
        return new SyncOrderResult(SyncStatus.Synced, outcome.ErpOrderNumber, null);
    }

    /// <summary>The ledger write of an order the ERP now holds (created now, or found by the look-up): the same for per-order and batch runs.</summary>
    internal static WriteBackRequest SyncedWrite(OrderSummary order, SyncPlan plan, ErpWriteOutcome outcome, TimeSpan erpTime)
    {
        var done = outcome.Result == ErpWriteResult.Created ? "created" : "already existed";
        return new WriteBackRequest(order.Key, SyncStatus.Synced, $"ERP order {outcome.ErpOrderNumber} {done}", order.Status, order.PaidAmountFen, outcome.ErpOrderNumber, ErpTarget: plan.ErpTarget, Sales: order.Sales.WithErpWrite(erpTime));
    }

    internal static string RejectedReason(ErpWriteOutcome outcome) => $"ERP rejected the order: {outcome.Reason}";

    /// <summary>The ledger write of a failed order; with its alert (<see cref="AlertAsync"/>) what a refusal or exhausted retries leave.</summary>
    internal static WriteBackRequest FailedWrite(OrderKey key, string reason, OrderSummary? order) =>
        new(key, SyncStatus.Failed, reason, order?.Status, order?.PaidAmountFen ?? 0, Reason: reason, Sales: order?.Sales);

    /// <summary>A cancel or refund after the ERP order exists: reverse it in the ERP's own way, or hand it to a person.</summary>
    private static async Task<SyncOrderResult> ReverseAsync(TaskOrchestrationContext context, SyncRetryPlan retries, OrderSummary order, SyncPlan plan)
    {
        var reason = $"{order.Key.Platform} order {order.Key.OrderId} {order.Status.ToString().ToLowerInvariant()}";
        ErpWriteOutcome outcome;
        try
        {
            outcome = await context.CallAsync(SyncTasks.ReverseErp, new ReverseRequest(order.Key, plan.ErpOrderNumber, reason), retries.Erp.Options());
        }
        catch (TaskFailedException ex)
        {
            outcome = ErpWriteOutcome.Rejected($"reversal failed after {retries.Erp.Attempts} attempts: {ex.FailureDetails.ErrorMessage}");
        }

        if (outcome.Result == ErpWriteResult.NotFound)
        {
            await WriteBackAsync(context, retries, order, SyncStatus.CancelledBeforeErp, $"{order.Status}; the ERP holds no order for it (looked up); nothing written");
            return new SyncOrderResult(SyncStatus.CancelledBeforeErp, null, null);
        }

        if (outcome.Result == ErpWriteResult.Reversed)
        {
            var reversed = outcome.ErpOrderNumber is { Length: > 0 } found ? found : plan.ErpOrderNumber;
            await WriteBackAfterErpAsync(context, retries, new WriteBackRequest(
                order.Key, SyncStatus.Reversed, $"{order.Status} after ERP order {reversed} was written; reversed in the ERP", order.Status, order.PaidAmountFen, reversed, Sales: order.Sales));
            return new SyncOrderResult(SyncStatus.Reversed, reversed, null);
        }

        var note = $"{order.Status} after ERP order {plan.ErpOrderNumber ?? "(found by look-up)"} was written and the ERP did not reverse it ({outcome.Reason}); close it in the ERP";
        await WriteBackAsync(context, retries, order, SyncStatus.CancelledAfterErp, note, plan.ErpOrderNumber, outcome.Reason);
        await AlertAsync(context, retries, AlertKind.CancelledAfterErp, ShopTarget(order.Key), order.Key, note);
        return new SyncOrderResult(SyncStatus.CancelledAfterErp, plan.ErpOrderNumber, note);
    }

    /// <summary>Holds the order while stock is short (policy Hold), re-checking on a durable timer; returns a result only when the run must end here.</summary>
    private static async Task<SyncOrderResult?> WaitForStockAsync(TaskOrchestrationContext context, SyncRetryPlan retries, OrderSummary order, SyncPlan plan)
    {
        var deadline = context.CurrentUtcDateTime.AddMinutes(plan.StockHoldMinutes);
        var notified = false;
        while (true)
        {
            var stock = await context.CallAsync(SyncTasks.CheckStock, plan.Document!, retries.Erp.Options());
            if (!stock.IsShort)
            {
                return null;
            }

            if (plan.StockPolicy == StockPolicy.WriteAnyway)
            {
                await WriteBackAsync(context, retries, order, SyncStatus.Received, $"stock short ({stock.Describe()}); written anyway by policy", last: false);
                return null;
            }

            if (!notified)
            {
                await WriteBackAsync(context, retries, order, SyncStatus.PendingStock, $"waiting for stock: {stock.Describe()}", reason: stock.Describe(), last: false);
                await AlertAsync(context, retries, AlertKind.PendingStock, ShopTarget(order.Key), order.Key, stock.Describe());
                notified = true;
            }

            if (context.CurrentUtcDateTime >= deadline)
            {
                var reason = $"stock still short after {plan.StockHoldMinutes} min: {stock.Describe()}";
                await WriteBackAsync(context, retries, order, SyncStatus.PendingStock, reason, reason: reason);
                return new SyncOrderResult(SyncStatus.PendingStock, null, reason);
            }

            await context.CreateTimer(context.CurrentUtcDateTime.AddSeconds(Math.Max(1, plan.StockRecheckSeconds)), CancellationToken.None);
        }
    }

    private static async Task<SyncOrderResult> FailAsync(TaskOrchestrationContext context, SyncRetryPlan retries, OrderKey key, AlertKind kind, string target, string reason, OrderSummary? order = null)
    {
        await WriteAsync(context, retries, FailedWrite(key, reason, order));
        await AlertAsync(context, retries, kind, target, key, reason);
        return new SyncOrderResult(SyncStatus.Failed, null, reason);
    }

    private static Task WriteBackAsync(TaskOrchestrationContext context, SyncRetryPlan retries, OrderSummary order, SyncStatus status, string note, string? erpOrderNumber = null, string? reason = null, bool last = true) =>
        WriteAsync(context, retries, new WriteBackRequest(order.Key, status, note, order.Status, order.PaidAmountFen, erpOrderNumber, reason, Sales: order.Sales), last);

    private static Task WriteBackAfterErpAsync(TaskOrchestrationContext context, SyncRetryPlan retries, WriteBackRequest request) =>
        KeepWritingBackAsync(context, retries, () => WriteAsync(context, retries, request), request.Key, $"ERP order {request.ErpOrderNumber} is written");

    /// <summary>
    /// The write-back after the ERP write succeeded must land, or the ledger, stats and order events never learn of the
    /// ERP order: when its retries are used up it alerts once (<paramref name="alertKey"/>) and tries again on a durable
    /// timer, every <see cref="SyncRetryPlan.WriteBackRoundInterval"/>, up to <see cref="SyncRetryPlan.WriteBackMaxRounds"/> rounds.
    /// Per-order and batch runs share it.
    /// </summary>
    internal static async Task KeepWritingBackAsync(TaskOrchestrationContext context, SyncRetryPlan retries, Func<Task> writeBack, OrderKey alertKey, string written)
    {
        for (var round = 1; ; round++)
        {
            try
            {
                await writeBack();
                return;
            }
            catch (TaskFailedException ex) when (round < retries.WriteBackMaxRounds)
            {
                if (round == 1)
                {
                    var reason = $"{written} but recording it failed ({ex.FailureDetails.ErrorMessage}); retrying every {retries.WriteBackRoundInterval.TotalSeconds:0.###} s";
                    await AlertAsync(context, retries, AlertKind.WriteBackFailed, "ledger", alertKey, reason);
                }

                await context.CreateTimer(context.CurrentUtcDateTime.Add(retries.WriteBackRoundInterval), CancellationToken.None);
            }
        }
    }

    /// <summary>
    /// Ledger write-backs retry transient storage or broker failures, so a blip does not fail a sync that reached the ERP.
    /// The run's last write also gives up its lease on the order (taken by PrepareOrder).
    /// </summary>
    private static Task WriteAsync(TaskOrchestrationContext context, SyncRetryPlan retries, WriteBackRequest request, bool last = true) =>
        context.CallAsync(SyncTasks.WriteBack, last ? request with { ReleaseLeaseOf = request.Key.InstanceId } : request, retries.WriteBack.Options());

    /// <summary>
    /// Alerts are retried a few times; if every channel still refuses, the failure is logged and the order's own
    /// outcome (already in the ledger) stands: a broken robot must not fail the sync.
    /// </summary>
    internal static async Task AlertAsync(TaskOrchestrationContext context, SyncRetryPlan retries, AlertKind kind, string target, OrderKey key, string reason)
    {
        try
        {
            await context.CallAsync(SyncTasks.SendAlert, new AlertRequest(kind, target, key.InstanceId, reason), retries.Alert.OptionsForEveryFailure());
        }
        catch (TaskFailedException ex)
        {
            context.CreateReplaySafeLogger<SyncOrderOrchestrator>().LogError(
                "Alert {Kind} for {Target} could not be sent for {InstanceId}: {Error}", kind, target, key.InstanceId, ex.FailureDetails.ErrorMessage);
        }
    }

    private static string ShopTarget(OrderKey key) => $"shop:{key.Platform}:{key.ShopId}";
}
