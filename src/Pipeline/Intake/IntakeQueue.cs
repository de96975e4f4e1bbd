using Azure.Storage.Queues.Models;
using ServerlessSync.Pipeline.Storage;

namespace ServerlessSync.Pipeline.Intake;

/// <summary>The Storage queue between intake and the orchestrations (DESIGN D1).</summary>
public sealed class IntakeQueue(StorageClients storage)
{
    public async Task<SendReceipt> EnqueueAsync(IntakeMessage message, TimeSpan? delay = null, CancellationToken cancellationToken = default)
    {
        var queue = await storage.QueueAsync(storage.IntakeQueueName);
        return (await queue.SendMessageAsync(message.ToJson(), visibilityTimeout: delay, cancellationToken: cancellationToken)).Value;
    }

    /// <summary>Takes back a message just sent; one already taken by a consumer is left alone (handling it twice is harmless).</summary>
    public async Task WithdrawAsync(SendReceipt receipt, CancellationToken cancellationToken = default)
    {
        var queue = await storage.QueueAsync(storage.IntakeQueueName);
        try
        {
            await queue.DeleteMessageAsync(receipt.MessageId, receipt.PopReceipt, cancellationToken);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404 || ex.ErrorCode == "PopReceiptMismatch")
        {
            // Already received by a consumer: its pop receipt changed. The run it starts is a no-op.
        }
    }

    public async Task SendToPoisonAsync(string rawText, CancellationToken cancellationToken = default)
    {
        var queue = await storage.QueueAsync(IntakeQueueNames.Poison(storage.IntakeQueueName));
        await queue.SendMessageAsync(rawText, cancellationToken: cancellationToken);
    }
}
