using Azure.Storage.Queues.Models;

namespace ServerlessSync.Pipeline.Intake;

/// <summary>The Storage queue between intake and the orchestrations (DESIGN D1).</summary>
public sealed class IntakeQueue(StorageClients storage)
{
    /// <summary>One event on its own: busy re-queues, resync and release.</summary>
    public async Task<SendReceipt> EnqueueAsync(IntakeMessage message, TimeSpan? delay = null, CancellationToken cancellationToken = default)
    {
        var queue = await storage.QueueAsync(storage.IntakeQueueName);
        return (await queue.SendMessageAsync(message.ToJson(), visibilityTimeout: delay, cancellationToken: cancellationToken)).Value;
    }

    public async Task<SendReceipt> SendBatchAsync(IntakeBatch batch, CancellationToken cancellationToken = default)
    {
        var queue = await storage.QueueAsync(storage.IntakeQueueName);
        return (await queue.SendMessageAsync(batch.ToJson(), cancellationToken: cancellationToken)).Value;
    }

    /// <summary>A message as it was read from the queue (e.g. one put back after a transient failure, or redriven from poison).</summary>
    public async Task SendTextAsync(string messageText, TimeSpan? delay, CancellationToken cancellationToken)
    {
        var queue = await storage.QueueAsync(storage.IntakeQueueName);
        await queue.SendMessageAsync(messageText, visibilityTimeout: delay, cancellationToken: cancellationToken);
    }

    public async Task SendToPoisonAsync(string rawText, CancellationToken cancellationToken = default)
    {
        var queue = await storage.QueueAsync(IntakeQueueNames.Poison(storage.IntakeQueueName));
        await queue.SendMessageAsync(rawText, cancellationToken: cancellationToken);
    }
}
