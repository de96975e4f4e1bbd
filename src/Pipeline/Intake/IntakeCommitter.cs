using ServerlessSync.Domain.Platforms;

namespace ServerlessSync.Pipeline.Intake;

/// <summary>
/// Group commit for intake. Concurrent callers (webhook requests, pull pages) hand over their verified messages and
/// wait; whatever has gathered is written as ONE batch (a queue message carrying the raw bodies, or a bodies blob and a
/// queue message when they do not fit) while the previous batch is being written, so a flood costs a fraction of a
/// storage call per event and a lone push is written at once.
/// A caller's wait ends only when every one of its messages is durable; when a batch write fails, every caller with a
/// message in that batch gets the failure (its push is answered with an error and the platform retries it).
/// A caller that gives up waiting does not take its messages back: they are written with the rest.
/// </summary>
public sealed class IntakeCommitter(IIntakeBatchWriter writer, IOptions<IntakeOptions> options, TimeProvider clock, ILogger<IntakeCommitter> logger)
{
    private readonly object gate = new();
    private readonly Queue<Pending> waiting = new();
    private int waitingBytes;
    private long waitingHeldBytes;
    private int commitsInFlight;

    /// <exception cref="EnvelopeTooLargeException">A message's envelope alone exceeds a queue message (nothing of this call is written).</exception>
    /// <exception cref="IntakeFullException">
    /// Storage is so slow that <see cref="IntakeOptions.MaxWaitingEvents"/> or <see cref="IntakeOptions.MaxWaitingBytes"/> are
    /// already waiting: nothing of this call is taken, so memory stays bounded and the platform pushes again later.
    /// </exception>
    public Task CommitAsync(IReadOnlyList<InboundMessage> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return Task.CompletedTask;
        }

        var carryBodies = options.Value.CarryBodiesInMessage;
        var items = messages.Select(m => new Pending(m, IntakeBatch.EnvelopeBytes(m.Event), carryBodies ? IntakeBatch.InlineBytes(m.Event, m.RawMessage) : null)).ToList();
        if (items.FirstOrDefault(i => i.EnvelopeBytes > IntakeBatch.MaxEnvelopeBytes) is { } oversized)
        {
            throw new EnvelopeTooLargeException(oversized.Message.Event.MsgId, oversized.EnvelopeBytes);
        }

        var heldBytes = items.Sum(i => i.HeldBytes);
        lock (gate)
        {
            var o = options.Value;
            if (waiting.Count + items.Count > o.MaxWaitingEvents || waitingHeldBytes + heldBytes > o.MaxWaitingBytes)
            {
                throw new IntakeFullException(waiting.Count, waitingHeldBytes);
            }

            foreach (var item in items)
            {
                waiting.Enqueue(item);
                waitingBytes += item.Bytes;
            }

            waitingHeldBytes += heldBytes;

            StartCommits();
        }

        var durable = Task.WhenAll(items.Select(i => i.Durable.Task));
        if (cancellationToken.CanBeCanceled)
        {
            // A caller that stopped waiting never observes a failure of its batch; it is logged in WriteAsync.
            _ = durable.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return durable.WaitAsync(cancellationToken);
    }

    /// <summary>Under the lock. An idle committer starts at once; a further commit only for a whole message's worth of events.</summary>
    private void StartCommits()
    {
        var o = options.Value;
        while (waiting.Count > 0 && commitsInFlight < Math.Max(1, o.MaxConcurrentCommits) && (commitsInFlight == 0 || WaitingFillsAMessage(o)))
        {
            var window = commitsInFlight == 0 && o.CommitWindowMs > 0 ? TimeSpan.FromMilliseconds(o.CommitWindowMs) : TimeSpan.Zero;
            var batch = window == TimeSpan.Zero ? CutBatch(o) : null;
            commitsInFlight++;
            _ = Task.Run(() => RunCommitsAsync(batch, window));
        }
    }

    private bool WaitingFillsAMessage(IntakeOptions o) => waiting.Count >= MaxEvents(o) || waitingBytes >= IntakeBatch.MaxEnvelopeBytes;

    private static int MaxEvents(IntakeOptions o) => Math.Max(1, o.MaxEventsPerMessage);

    /// <summary>
    /// Under the lock: the oldest waiting messages that fit one queue message (never empty while any wait). When the
    /// oldest one's body fits in the message, the batch carries bodies and ends before the first that does not fit;
    /// otherwise the batch carries envelopes only and its bodies go to a blob.
    /// </summary>
    private Cut CutBatch(IntakeOptions o)
    {
        var inline = waiting.Peek().InlineBytes is { } first && first <= IntakeBatch.MaxEnvelopeBytes;
        var batch = new List<Pending>();
        var bytes = 0;
        while (waiting.Count > 0 && batch.Count < MaxEvents(o))
        {
            var next = waiting.Peek();
            var size = inline ? next.InlineBytes : next.EnvelopeBytes;
            if (size is null || bytes + size > IntakeBatch.MaxEnvelopeBytes)
            {
                break;
            }

            waiting.Dequeue();
            waitingBytes -= next.Bytes;
            waitingHeldBytes -= next.HeldBytes;
            bytes += size.Value;
            batch.Add(next);
        }

        return new Cut(batch, inline);
    }

    /// <summary>One commit slot: writes its batch, then whatever gathered meanwhile, until nothing waits.</summary>
    private async Task RunCommitsAsync(Cut? cut, TimeSpan window)
    {
        if (cut is null)
        {
            await Task.Delay(window, clock);
            lock (gate)
            {
                cut = TakeNextBatchOrRetire();
            }
        }

        while (cut is not null)
        {
            await WriteAsync(cut);
            lock (gate)
            {
                cut = TakeNextBatchOrRetire();
            }
        }
    }

    /// <summary>Under the lock.</summary>
    private Cut? TakeNextBatchOrRetire()
    {
        if (waiting.Count == 0)
        {
            commitsInFlight--;
            return null;
        }

        var o = options.Value;
        var batch = CutBatch(o);
        StartCommits();
        return batch;
    }

    private async Task WriteAsync(Cut cut)
    {
        var items = cut.Items;
        var acceptedAt = clock.GetUtcNow();
        var rawBodies = items.Select(i => i.Message.RawMessage).ToList();
        var batch = new IntakeBatch(IntakeBatch.NewId(acceptedAt), acceptedAt, items.Select(i => i.Message.Event).ToList(), cut.CarriesBodies ? rawBodies : null);
        try
        {
            // Not the callers' tokens: one caller giving up must not cancel the write of everyone else's events.
            await writer.WriteAsync(batch, rawBodies, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Intake batch {BatchId} of {Events} events was not written; its callers get the error", batch.Id, items.Count);
            foreach (var item in items)
            {
                item.Durable.TrySetException(ex);
            }

            return;
        }

        logger.LogDebug("Intake batch {BatchId} written with {Events} events", batch.Id, items.Count);
        foreach (var item in items)
        {
            item.Durable.TrySetResult();
        }
    }

    private sealed record Cut(List<Pending> Items, bool CarriesBodies);

    /// <summary>InlineBytes: the event's size in a message that carries its body too; null when the body must go to a blob.</summary>
    private sealed record Pending(InboundMessage Message, int EnvelopeBytes, int? InlineBytes)
    {
        /// <summary>What the event counts towards filling a message while it waits.</summary>
        public int Bytes => InlineBytes ?? EnvelopeBytes;

        /// <summary>What the event holds in memory while it waits, its body included even when the body will go to a blob.</summary>
        public long HeldBytes => EnvelopeBytes + (2L * Message.RawMessage.Length);

        public TaskCompletionSource Durable { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>The committer already holds as much as <see cref="IntakeOptions.MaxWaitingEvents"/> / <see cref="IntakeOptions.MaxWaitingBytes"/> allow.</summary>
public sealed class IntakeFullException(int waitingEvents, long waitingBytes)
    : Exception($"intake is full: {waitingEvents} events ({waitingBytes} bytes) already wait for storage");
