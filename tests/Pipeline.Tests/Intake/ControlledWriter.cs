namespace ServerlessSync.Pipeline.Tests.Intake;

/// <summary>
/// Slow or failing storage in front of the real writer: can hold the first batch until released, fails every batch that
/// carries a chosen message id, and records each batch once it is durable (or failed).
/// </summary>
internal sealed class ControlledWriter(IIntakeBatchWriter inner, bool holdFirst = false) : IIntakeBatchWriter
{
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource firstArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int calls;

    public string? FailBatchesWith { get; set; }

    public ConcurrentQueue<IntakeBatch> Durable { get; } = new();

    public ConcurrentQueue<IntakeBatch> Failed { get; } = new();

    /// <summary>Completes when the first (held) batch has reached the writer.</summary>
    public Task FirstArrived => firstArrived.Task;

    public bool IsDurable(string msgId) => Durable.Any(b => b.Events.Any(e => e.MsgId == msgId));

    public void Release() => released.TrySetResult();

    public async Task WriteAsync(IntakeBatch batch, IReadOnlyList<string> rawBodies, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref calls) == 1 && holdFirst)
        {
            firstArrived.TrySetResult();
            await released.Task;
        }

        if (FailBatchesWith is { } msgId && batch.Events.Any(e => e.MsgId == msgId))
        {
            Failed.Enqueue(batch);
            throw new RequestFailedException(503, "injected: the storage account is unavailable");
        }

        await inner.WriteAsync(batch, rawBodies, cancellationToken);
        Durable.Enqueue(batch);
    }
}
