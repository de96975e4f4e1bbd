using System.Collections.Concurrent;
using Microsoft.DurableTask;
using ServerlessSync.Pipeline.Intake;
using ServerlessSync.Pipeline.Ledger;
using ServerlessSync.Pipeline.Mapping;

namespace ServerlessSync.Pipeline.Sync.Batch;

/// <summary>
/// The batch run's first step. It takes the lease of every order for the run (one Tables transaction per shop), so no
/// other run writes them meanwhile. An order another run holds is left to that run when the holder began after the event
/// was accepted (it has read the change), and put back on the queue otherwise, never dropped. Then it reads and plans the
/// leased orders, at most <see cref="SyncSettings.FetchConcurrencyPerPlatform"/> at once per platform, and records their
/// SKUs as seen in one go (<see cref="SkuSightings"/>). Orders with
/// nothing missing give their lease up; orders off the happy path (and orders that could not be read) go to their
/// per-order runs; the rest are returned for the batch's ERP write.
/// </summary>
public sealed class PrepareBatchActivity(
    OrderLeases leases,
    OrderPreparer preparer,
    BusyRequeue busy,
    SlowPathHandOff handOff,
    SyncSettings settings,
    SkuSightings sightings,
    TimeProvider clock,
    ILogger<PrepareBatchActivity> logger) : TaskActivity<PrepareBatchRequest, PreparedBatch>
{
    /// <summary>Whether the batch can carry the order to the ERP; everything else continues in SyncOrder.</summary>
    public static bool IsHappyPath(SyncPlan plan) =>
        plan is { Action: SyncAction.CreateErpOrder, Document: not null, IsQuarantined: false, HoldReasons.Count: 0 };

    public override async Task<PreparedBatch> RunAsync(TaskActivityContext context, PrepareBatchRequest input)
    {
        var began = clock.GetTimestamp();
        var events = input.Events.GroupBy(e => e.Key).Select(g => g.MaxBy(e => e.AcceptedAt)!).ToList();
        var claim = await leases.AcquireAsync(events.Select(e => e.Key).ToList(), input.Owner, settings.BatchLease, CancellationToken.None);

        var (putBack, covered) = (0, 0);
        foreach (var held in claim.Busy)
        {
            var message = events.First(e => e.Key == held.Key);
            if (BusyRequeue.Covers(held.AcquiredAt, message))
            {
                logger.LogInformation("Event {Event} for {InstanceId} is covered by {Owner}, which holds the order", message.Event, message.Key.InstanceId, held.Owner);
                covered++;
            }
            else
            {
                await busy.PutBackAsync(message, CancellationToken.None);
                putBack++;
            }
        }

        var leased = clock.GetElapsedTime(began);
        var acquired = claim.Acquired.ToHashSet();
        var prepared = await PrepareAllAsync(events.Where(e => acquired.Contains(e.Key)).ToList());
        var read = clock.GetElapsedTime(began);
        sightings.Note(prepared.Where(p => p.Prepared is not null).Select(p => p.Prepared!.Order).ToList(), clock.GetUtcNow());
        var toWrite = prepared.Where(p => p.Prepared is { } ready && IsHappyPath(ready.Plan)).Select(p => new BatchOrder(p.Event, p.Prepared!.Order, p.Prepared.Plan)).ToList();
        var nothing = prepared.Where(p => p.Prepared?.Plan.Action == SyncAction.Nothing).Select(p => p.Event.Key).ToList();
        var slow = prepared.Where(p => p.Prepared is null || (p.Prepared.Plan.Action != SyncAction.Nothing && !IsHappyPath(p.Prepared.Plan))).Select(p => p.Event).ToList();

        await leases.ReleaseAsync(nothing, input.Owner, CancellationToken.None);
        await handOff.HandOffAsync(input.Owner, slow, CancellationToken.None);
        logger.LogInformation(
            "Batch {Owner}: {Orders} orders, {ToWrite} to write, {Nothing} with nothing missing, {HandedOff} handed off, {PutBack} put back, {Covered} covered; leased after {LeasedMs} ms, read after {ReadMs} ms, done after {DoneMs} ms",
            input.Owner, events.Count, toWrite.Count, nothing.Count, slow.Count, putBack, covered,
            (long)leased.TotalMilliseconds, (long)read.TotalMilliseconds, (long)clock.GetElapsedTime(began).TotalMilliseconds);
        return new PreparedBatch(toWrite, putBack, covered, nothing.Count, slow.Count);
    }

    /// <summary>Each order read and planned; null for an order that could not be read (its per-order run retries it durably).</summary>
    private async Task<IReadOnlyList<(IntakeMessage Event, PreparedOrder? Prepared)>> PrepareAllAsync(IReadOnlyList<IntakeMessage> events)
    {
        var results = new ConcurrentDictionary<OrderKey, PreparedOrder?>();
        await Task.WhenAll(events.GroupBy(e => e.Platform).Select(platform => Parallel.ForEachAsync(
            platform,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.FetchConcurrencyPerPlatform) },
            async (message, ct) =>
            {
                try
                {
                    results[message.Key] = await preparer.PrepareAsync(message.Key, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    logger.LogWarning(ex, "Could not prepare {InstanceId} in a batch; its per-order run takes it over", message.Key.InstanceId);
                    results[message.Key] = null;
                }
            })));
        return events.Select(e => (e, results[e.Key])).ToList();
    }
}
