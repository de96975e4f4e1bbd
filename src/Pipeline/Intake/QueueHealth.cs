using ServerlessSync.Pipeline.Storage;

namespace ServerlessSync.Pipeline.Intake;

/// <summary>Queue lag as the dashboard shows it: the intake queue's depth and the age of its oldest visible message, and the poison queue's depth.</summary>
public sealed record QueueLag(string Name, int Depth, double? OldestAgeSeconds, int PoisonDepth);

public sealed class QueueHealth(StorageClients storage)
{
    public async Task<QueueLag> ReadAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var name = storage.IntakeQueueName;
        var queue = await storage.QueueAsync(name);
        var poison = await storage.QueueAsync(IntakeQueueNames.Poison(name));
        var properties = await queue.GetPropertiesAsync(cancellationToken);
        var oldest = await queue.PeekMessagesAsync(1, cancellationToken);
        var poisonProperties = await poison.GetPropertiesAsync(cancellationToken);
        double? age = oldest.Value.Length > 0 && oldest.Value[0].InsertedOn is { } inserted ? Math.Max(0, (now - inserted).TotalSeconds) : null;
        return new QueueLag(name, properties.Value.ApproximateMessagesCount, age, poisonProperties.Value.ApproximateMessagesCount);
    }
}
