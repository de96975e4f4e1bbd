using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using ServerlessSync.Pipeline.Intake;
using ServerlessSync.Pipeline.Sync;

namespace ServerlessSync.Pipeline.Sync.Start;

/// <summary>What one intake queue message led to. Start outcomes count orders: a message's events of one order share a start.</summary>
public sealed record IntakeHandled(int Events, int Duplicates, int Started, int RequeuedBusy, int AlreadyCovered);

/// <summary>
/// The consumer of the intake queue, for both hosts (the LocalHost poller and the Functions queue trigger). For a batch,
/// each event is recorded in the Inbox (a row from another batch means the platform pushed it twice: skipped), then the
/// orders with anything new go into one SyncBatch run (DESIGN D7; with <paramref name="assembler"/>, the orders of
/// messages handled at the same time share one run): a run reads each order after all of that order's events in the
/// message. An order whose events include a release gets its own SyncOrder run (a release overrides holds).
/// Orders are recorded with bounded parallelism and all are tried; if any failed, the exception propagates so the message
/// stays on the queue and is retried (every step is idempotent), and after MaxDequeueCount tries it is poisoned.
/// A single event (a busy re-queue, a resync or release, a batch run's hand-off) asks for the order's own SyncOrder run
/// and is started as it is.
/// </summary>
public sealed class IntakeMessageHandler(
    OrderEventStarter starter,
    SyncBatchStarter batches,
    InboxStore inbox,
    IOptions<IntakeOptions> options,
    ILogger<IntakeMessageHandler> logger,
    StartPacer? pacer = null,
    Telemetry.PipelineMetrics? metrics = null,
    Events.OrderReceivedEvents? receivedEvents = null,
    BatchRunAssembler? assembler = null)
{
    /// <exception cref="FormatException">The message is malformed.</exception>
    public async Task<IntakeHandled> HandleAsync(string messageText, CancellationToken cancellationToken)
    {
        var delivery = IntakeDelivery.Parse(messageText);
        if (delivery.Batch is not { } batch)
        {
            var outcome = await StartAsync(delivery.Events[0], cancellationToken);
            return Tally(1, 0, [outcome]);
        }

        var orders = delivery.Events
            .Select((message, index) => new Indexed(message, index))
            .DistinctBy(e => (e.Message.Key.InstanceId, e.Message.MsgId))
            .GroupBy(e => e.Message.Key.InstanceId)
            .ToList();
        var outcomes = new ConcurrentBag<StartOutcome>();
        var forBatch = new ConcurrentBag<IntakeMessage>();
        var failures = new ConcurrentQueue<Exception>();
        var duplicates = 0;
        using var slots = new SemaphoreSlim(Math.Max(1, options.Value.MaxConcurrentOrdersPerMessage));
        await Task.WhenAll(orders.Select(async order =>
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                var (skipped, representative) = await RecordOrderAsync(batch, order.ToList(), cancellationToken);
                Interlocked.Add(ref duplicates, skipped);
                if (representative is null)
                {
                    return;
                }

                if (representative.Event != SyncEvents.Release)
                {
                    forBatch.Add(representative);
                }
                else
                {
                    outcomes.Add(await StartAsync(representative, cancellationToken));
                }
            }
            catch (Exception ex)
            {
                failures.Enqueue(ex);
            }
            finally
            {
                slots.Release();
            }
        }));

        cancellationToken.ThrowIfCancellationRequested();
        if (!failures.IsEmpty)
        {
            logger.LogError("Intake batch {BatchId}: {Failed} of {Orders} orders failed; the message stays on the queue to be retried", batch.Id, failures.Count, orders.Count);
            if (failures.Count == 1)
            {
                ExceptionDispatchInfo.Throw(failures.Single());
            }

            throw new AggregateException($"{failures.Count} orders of intake batch {batch.Id} failed", failures);
        }

        if (!forBatch.IsEmpty)
        {
            if (pacer is not null)
            {
                await pacer.WaitAsync(cancellationToken);
            }

            var runOrders = forBatch.OrderBy(e => e.Key.InstanceId, StringComparer.Ordinal).ToList();
            var outcome = assembler is null
                ? await batches.StartAsync(batch.Id, runOrders, cancellationToken)
                : await assembler.StartAsync(batches, batch.Id, runOrders, cancellationToken);
            foreach (var _ in forBatch)
            {
                outcomes.Add(outcome);
            }
        }

        var handled = Tally(orders.Sum(o => o.Count()), duplicates, outcomes);
        logger.LogDebug("Intake batch {BatchId}: {Handled}", batch.Id, handled);
        return handled;
    }

    /// <summary>Records the order's events in the Inbox; returns how many were duplicates, and the event a run should see (null: nothing new).</summary>
    private async Task<(int Duplicates, IntakeMessage? Representative)> RecordOrderAsync(IntakeBatch batch, IReadOnlyList<Indexed> events, CancellationToken cancellationToken)
    {
        var records = await inbox.RecordOrderAsync(events.Select(e => new InboxEntry(e.Message, e.Index, batch.Bodies?[e.Index])).ToList(), batch.Id, cancellationToken);
        var toStart = new List<IntakeMessage>();
        for (var i = 0; i < events.Count; i++)
        {
            var message = events[i].Message;
            switch (records[i])
            {
                case InboxRecord.Duplicate:
                    logger.LogInformation("Duplicate push {MsgId} for {InstanceId} skipped", message.MsgId, message.Key.InstanceId);
                    continue;
                case InboxRecord.New:
                    metrics?.OrderReceived(message.Platform, message.ShopId);
                    break;
            }

            // New, or recorded by an earlier try of this batch whose publish may have failed: the topic drops a repeat.
            if (receivedEvents is not null)
            {
                await receivedEvents.PublishAsync(message, cancellationToken);
            }

            toStart.Add(message);
        }

        var duplicates = events.Count - toStart.Count;
        if (toStart.Count == 0)
        {
            return (duplicates, null);
        }

        // A release overrides holds, so it must stay the event the run sees; otherwise the latest event speaks for the order.
        return (duplicates, toStart.FirstOrDefault(m => m.Event == SyncEvents.Release) ?? toStart.MaxBy(m => m.EventTime)!);
    }

    private async Task<StartOutcome> StartAsync(IntakeMessage message, CancellationToken cancellationToken)
    {
        if (pacer is not null)
        {
            await pacer.WaitAsync(cancellationToken);
        }

        return await starter.StartAsync(message, cancellationToken);
    }

    private static IntakeHandled Tally(int events, int duplicates, IEnumerable<StartOutcome> outcomes)
    {
        var list = outcomes.ToList();
        return new IntakeHandled(
            events,
            duplicates,
            list.Count(o => o == StartOutcome.Started),
            list.Count(o => o == StartOutcome.RequeuedBusy),
            list.Count(o => o == StartOutcome.AlreadyCovered));
    }

    private sealed record Indexed(IntakeMessage Message, int Index);
}
