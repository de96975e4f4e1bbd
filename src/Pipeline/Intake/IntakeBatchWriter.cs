namespace ServerlessSync.Pipeline.Intake;

/// <summary>Makes one intake batch durable. When it returns, the batch's events will reach the consumer.</summary>
public interface IIntakeBatchWriter
{
    Task WriteAsync(IntakeBatch batch, IReadOnlyList<string> rawBodies, CancellationToken cancellationToken);
}

/// <summary>
/// A batch carrying its bodies is one queue message. Otherwise the bodies blob goes first, then the queue message: a
/// message therefore always finds its bodies, and a failure between the two leaves only an unreferenced blob behind.
/// </summary>
public sealed class StorageIntakeBatchWriter(IntakeBodyStore bodies, IntakeQueue queue) : IIntakeBatchWriter
{
    public async Task WriteAsync(IntakeBatch batch, IReadOnlyList<string> rawBodies, CancellationToken cancellationToken)
    {
        if (batch.Bodies is null)
        {
            await bodies.WriteAsync(batch, rawBodies, cancellationToken);
        }

        await queue.SendBatchAsync(batch, cancellationToken);
    }
}
