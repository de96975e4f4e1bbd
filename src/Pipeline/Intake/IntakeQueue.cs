using ServerlessSync.Pipeline.Storage;

namespace ServerlessSync.Pipeline.Intake;

/// <summary>The Storage queue between intake and the orchestrations (DESIGN D1).</summary>
public sealed class IntakeQueue(StorageClients storage)
{
    public async Task EnqueueAsync(IntakeMessage message, TimeSpan? delay = null, CancellationToken cancellationToken = default)
    {
        var queue = await storage.QueueAsync(storage.IntakeQueueName);
        await queue.SendMessageAsync(message.ToJson(), visibilityTimeout: delay, cancellationToken: cancellationToken);
    }

    public async Task SendToPoisonAsync(string rawText, CancellationToken cancellationToken = default)
    {
        var queue = await storage.QueueAsync(IntakeQueueNames.Poison(storage.IntakeQueueName));
        await queue.SendMessageAsync(rawText, cancellationToken: cancellationToken);
    }
}
