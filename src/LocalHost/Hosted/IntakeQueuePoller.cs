using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Options;
using ServerlessSync.Pipeline.Intake;
using ServerlessSync.Pipeline.Storage;

namespace ServerlessSync.LocalHost.Hosted;

/// <summary>
/// The local stand-in for the Functions queue trigger: receives intake messages in batches, starts their
/// orchestrations, deletes a message only after it was handled, and moves one that failed
/// <see cref="IntakeOptions.MaxDequeueCount"/> times to the poison queue (as the trigger does).
/// </summary>
public sealed class IntakeQueuePoller(StorageClients storage, OrderEventStarter starter, IntakeQueue intake, IOptions<IntakeOptions> options, ILogger<IntakeQueuePoller> logger) : BackgroundService
{
    private const int BatchSize = 32;
    private static readonly TimeSpan MaxIdleDelay = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queue = await storage.QueueAsync(storage.IntakeQueueName);
        var idleDelay = TimeSpan.FromMilliseconds(50);
        while (!stoppingToken.IsCancellationRequested)
        {
            QueueMessage[] messages;
            try
            {
                messages = (await queue.ReceiveMessagesAsync(BatchSize, TimeSpan.FromSeconds(options.Value.VisibilityTimeoutSeconds), stoppingToken)).Value;
            }
            catch (Azure.RequestFailedException ex)
            {
                logger.LogWarning(ex, "Intake queue unavailable; retrying");
                await Task.Delay(MaxIdleDelay, stoppingToken);
                continue;
            }

            if (messages.Length == 0)
            {
                await Task.Delay(idleDelay, stoppingToken);
                idleDelay = TimeSpan.FromMilliseconds(Math.Min(idleDelay.TotalMilliseconds * 2, MaxIdleDelay.TotalMilliseconds));
                continue;
            }

            idleDelay = TimeSpan.FromMilliseconds(50);
            await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = stoppingToken }, async (message, ct) =>
            {
                await HandleAsync(queue, message, ct);
            });
        }
    }

    private async Task HandleAsync(Azure.Storage.Queues.QueueClient queue, QueueMessage message, CancellationToken cancellationToken)
    {
        var text = message.Body.ToString();
        if (message.DequeueCount > options.Value.MaxDequeueCount)
        {
            await intake.SendToPoisonAsync(text, cancellationToken);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
            logger.LogError("Intake message {MessageId} moved to the poison queue after {DequeueCount} tries", message.MessageId, message.DequeueCount - 1);
            return;
        }

        try
        {
            await starter.StartAsync(text, cancellationToken);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Left on the queue: it becomes visible again after the visibility timeout and is retried.
            logger.LogError(ex, "Intake message {MessageId} failed (try {DequeueCount})", message.MessageId, message.DequeueCount);
        }
    }
}
