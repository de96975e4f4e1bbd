using ServerlessSync.Pipeline.Telemetry;

namespace ServerlessSync.Pipeline.Intake;

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
