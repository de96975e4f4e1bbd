using Microsoft.DurableTask;
using ServerlessSync.Domain.Alerts;
using ServerlessSync.Pipeline.Intake;

namespace ServerlessSync.Pipeline.Sync.Batch;

/// <summary>
/// One run per intake message (DESIGN D7), instance id <c>batch:{message id}</c>: the orders of a burst that need the
/// same steps go through them together, as lists. PrepareBatch takes every order's lease and reads and plans them;
/// WriteErpBatch checks stock and writes them to the ERP (one stock query, one look-up, one batch create per ERP batch);
/// WriteBackBatch records them and gives the leases up. An order's refusal fails that order alone; orders whose outcome
/// is transient are tried again a few times (split in halves when the ERP's answer could not be matched to them); what
/// the batch cannot settle, and every order off the happy path, continues in its per-order SyncOrder run.
/// </summary>
public sealed class SyncBatchOrchestrator : TaskOrchestrator<SyncBatchInput, SyncBatchResult>
{
    public override async Task<SyncBatchResult> RunAsync(TaskOrchestrationContext context, SyncBatchInput input)
    {
        var owner = context.InstanceId;
        var retries = input.Retries ?? SyncRetryPlan.Defaults;
        PreparedBatch prepared;
        try
        {
            prepared = await context.CallAsync(SyncTasks.PrepareBatch, new PrepareBatchRequest(owner, input.Events), retries.Fetch.Options());
        }
        catch (TaskFailedException)
        {
            // Nothing was settled: every order continues in its per-order run, which reports what keeps failing.
            await WriteBackAsync(context, retries, new WriteBackBatchRequest(owner, [], input.Events));
            return new SyncBatchResult(input.Events.Count, 0, 0, input.Events.Count, 0, 0, 0);
        }

        var writes = new List<WriteBackRequest>();
        var handOffs = new List<IntakeMessage>();
        var rejected = new List<(BatchOrder Order, Domain.Erp.ErpWriteOutcome Outcome)>();
        var erpStarted = context.CurrentUtcDateTime;
        var groups = prepared.ToWrite.Count > 0 ? new List<WriteGroup> { new(prepared.ToWrite, 0) } : [];
        while (groups.Count > 0)
        {
            var answered = await Task.WhenAll(groups.Select(group => WriteErpAsync(context, group)));
            var again = new List<WriteGroup>();
            var waitBeforeNext = false;
            foreach (var (group, outcomes) in groups.Zip(answered))
            {
                var settled = BatchOutcomes.Sort(group.Orders, outcomes);
                writes.AddRange(settled.InErp.Select(o => SyncOrderOrchestrator.SyncedWrite(o.Order.Order, o.Order.Plan, o.Outcome, context.CurrentUtcDateTime - erpStarted)));
                rejected.AddRange(settled.Rejected);
                handOffs.AddRange(settled.StockShort.Select(o => o.Event));
                again.AddRange(BatchOutcomes.Next(group, settled));
                // A garbled answer may hide a commit: its halves wait like transient orders, so the look-up that precedes
                // their create can pass the ERP's commit horizon (Erp:CommitHorizonSeconds) instead of burning tries.
                waitBeforeNext |= settled.Transient.Count > 0 || settled.Halves.Count > 0;
            }

            // What the batch could not settle in its tries continues in the per-order runs, with their longer patience.
            var spent = again.Where(g => g.Tries >= retries.BatchWriteAttempts).ToList();
            handOffs.AddRange(spent.SelectMany(g => g.Orders).Select(o => o.Event));
            groups = again.Except(spent).ToList();
            if (groups.Count > 0 && waitBeforeNext)
            {
                await context.CreateTimer(context.CurrentUtcDateTime.Add(retries.Erp.BackOff(groups.Max(g => g.Tries))), CancellationToken.None);
            }
        }

        writes.AddRange(rejected.Select(r => SyncOrderOrchestrator.FailedWrite(r.Order.Event.Key, SyncOrderOrchestrator.RejectedReason(r.Outcome), r.Order.Order)));
        var writeBack = new WriteBackBatchRequest(owner, writes, handOffs);
        if (writes.FirstOrDefault(w => w.ErpOrderNumber is not null) is { } written)
        {
            // Orders are in the ERP: their write-back must land, as a per-order run's does.
            var count = writes.Count(w => w.ErpOrderNumber is not null);
            await SyncOrderOrchestrator.KeepWritingBackAsync(
                context, retries, () => WriteBackAsync(context, retries, writeBack), written.Key, $"{count} orders (ERP order {written.ErpOrderNumber} first) are written");
        }
        else
        {
            await WriteBackAsync(context, retries, writeBack);
        }

        foreach (var (order, outcome) in rejected)
        {
            await SyncOrderOrchestrator.AlertAsync(context, retries, AlertKind.ErpRejected, order.Plan.ErpTarget, order.Event.Key, SyncOrderOrchestrator.RejectedReason(outcome));
        }

        return new SyncBatchResult(
            input.Events.Count, writes.Count - rejected.Count, rejected.Count, prepared.HandedOff + handOffs.Count, prepared.PutBack, prepared.Covered, prepared.NothingMissing);
    }

    /// <summary>The group's outcomes; a failed activity (not expected: it answers every document) makes them all Transient.</summary>
    private static async Task<IReadOnlyList<BatchWriteOutcome>> WriteErpAsync(TaskOrchestrationContext context, WriteGroup group)
    {
        try
        {
            return await context.CallAsync(SyncTasks.WriteErpBatch, new WriteErpBatchRequest(group.Orders.Select(o => o.Document).ToList(), group.Alone));
        }
        catch (TaskFailedException ex)
        {
            return group.Orders.Select(_ => new BatchWriteOutcome(BatchWriteKind.Transient, null, ex.FailureDetails.ErrorMessage)).ToList();
        }
    }

    private static Task WriteBackAsync(TaskOrchestrationContext context, SyncRetryPlan retries, WriteBackBatchRequest request) =>
        context.CallAsync(SyncTasks.WriteBackBatch, request, retries.WriteBack.Options());
}
