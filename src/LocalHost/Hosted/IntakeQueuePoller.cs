using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using ServerlessSync.Pipeline.Intake;
using ServerlessSync.Pipeline.Storage;
using ServerlessSync.Pipeline.Sync.Start;

namespace ServerlessSync.LocalHost.Hosted;

/// <summary>
/// The local stand-in for the Functions queue trigger: keeps up to <see cref="MaxMessagesInFlight"/> intake messages
/// being handled by the shared <see cref="IntakeMessageHandler"/>, keeps each invisible while it is handled (as the
/// trigger does), and deletes a message once <see cref="IntakeDeliveryPolicy"/> is done with it: handled, put back after a
/// transient failure, or moved to the poison queue on its last try.
/// </summary>
public sealed class IntakeQueuePoller(StorageClients storage, IntakeMessageHandler handler, IntakeDeliveryPolicy policy, StartAdmission admission, IOptions<IntakeOptions> options, ILogger<IntakeQueuePoller> logger) : BackgroundService
{
    /// <summary>Messages handled at once; a batch message's orders are handled in parallel inside (Intake:MaxConcurrentOrdersPerMessage).</summary>
    public const int MaxMessagesInFlight = 16;

    private static readonly TimeSpan MinIdleDelay = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxIdleDelay = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queue = await storage.QueueAsync(storage.IntakeQueueName);
        var visibility = TimeSpan.FromSeconds(Math.Max(1, options.Value.VisibilityTimeoutSeconds));
        using var slots = new SemaphoreSlim(MaxMessagesInFlight);
        var idleDelay = MinIdleDelay;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await slots.WaitAsync(stoppingToken);

                // Not while a flood is being acked or the task hub is full: the messages wait on the queue meanwhile.
                await admission.WaitAsync(stoppingToken);
                var free = 1;
                while (free < MaxMessagesInFlight && slots.Wait(0, CancellationToken.None))
                {
                    free++;
                }

                QueueMessage[] messages;
                try
                {
                    messages = (await queue.ReceiveMessagesAsync(free, visibility, stoppingToken)).Value;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Storage down or restarting (the SDK reports exhausted retries as an AggregateException): wait and poll again.
                    slots.Release(free);
                    logger.LogWarning(ex, "Intake queue unavailable; retrying");
                    await Task.Delay(MaxIdleDelay, stoppingToken);
                    continue;
                }
                catch (OperationCanceledException)
                {
                    slots.Release(free);
                    throw;
                }

                if (free > messages.Length)
                {
                    slots.Release(free - messages.Length);
                }

                if (messages.Length == 0)
                {
                    await Task.Delay(idleDelay, stoppingToken);
                    idleDelay = TimeSpan.FromMilliseconds(Math.Min(idleDelay.TotalMilliseconds * 2, MaxIdleDelay.TotalMilliseconds));
                    continue;
                }

                idleDelay = MinIdleDelay;
                foreach (var message in messages)
                {
                    _ = Task.Run(async () =>
                    {
                        try
                        {
                            await HandleAsync(queue, message, visibility, stoppingToken);
                        }
                        finally
                        {
                            slots.Release();
                        }
                    }, CancellationToken.None);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: messages being handled see the same token; any not deleted reappear after their visibility timeout.
        }

        // Every slot back means every handler has finished, so none runs on after the host disposed its services.
        for (var i = 0; i < MaxMessagesInFlight; i++)
        {
            await slots.WaitAsync(CancellationToken.None);
        }
    }

    private async Task HandleAsync(QueueClient queue, QueueMessage message, TimeSpan visibility, CancellationToken cancellationToken)
    {
        try
        {
            if (message.DequeueCount > options.Value.MaxDequeueCount)
            {
                // Its earlier tries never reported back (the worker handling it died), so no try could poison it.
                await policy.PoisonAsync(message.Body.ToString(), message.DequeueCount - 1, "its tries never finished", cancellationToken);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                logger.LogError("Intake message {MessageId} moved to the poison queue after {DequeueCount} unfinished tries", message.MessageId, message.DequeueCount - 1);
                return;
            }

            await using var lease = new VisibilityLease(queue, message, visibility, logger);
            var result = await policy.DeliverAsync(message.Body.ToString(), message.DequeueCount, handler.HandleAsync, cancellationToken);
            await lease.DeleteMessageAsync(cancellationToken);
            if (result.Outcome != IntakeDeliveryOutcome.Handled)
            {
                logger.LogWarning("Intake message {MessageId} {Outcome} on try {DequeueCount}", message.MessageId, result.Outcome, message.DequeueCount);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: left on the queue, handled again after its visibility timeout.
        }
        catch (Exception ex)
        {
            // Left on the queue: it becomes visible again after the visibility timeout and is retried.
            logger.LogError(ex, "Intake message {MessageId} failed (try {DequeueCount})", message.MessageId, message.DequeueCount);
        }
    }

    /// <summary>
    /// Extends a received message's invisibility every third of its timeout while it is handled, so a long message (many
    /// orders, or starts held back by Intake:MaxStartsPerSecond) is not delivered to a second handler meanwhile.
    /// </summary>
    private sealed class VisibilityLease : IAsyncDisposable
    {
        private readonly QueueClient queue;
        private readonly string messageId;
        private readonly TimeSpan visibility;
        private readonly ILogger logger;
        private readonly CancellationTokenSource stop = new();
        private readonly Task renewing;
        private string popReceipt;

        public VisibilityLease(QueueClient queue, QueueMessage message, TimeSpan visibility, ILogger logger)
        {
            this.queue = queue;
            messageId = message.MessageId;
            popReceipt = message.PopReceipt;
            this.visibility = visibility;
            this.logger = logger;
            renewing = RenewAsync();
        }

        public async Task DeleteMessageAsync(CancellationToken cancellationToken)
        {
            await StopRenewingAsync();
            await queue.DeleteMessageAsync(messageId, popReceipt, cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            await StopRenewingAsync();
            stop.Dispose();
        }

        private async Task RenewAsync()
        {
            using var timer = new PeriodicTimer(visibility / 3);
            try
            {
                while (await timer.WaitForNextTickAsync(stop.Token))
                {
                    // Not cancelled once sent: an update the queue applied but whose answer was dropped would leave a stale
                    // pop receipt, and the delete after handling would fail (PopReceiptMismatch) and the message come back.
                    var receipt = await queue.UpdateMessageAsync(messageId, popReceipt, visibilityTimeout: visibility, cancellationToken: CancellationToken.None);
                    popReceipt = receipt.Value.PopReceipt;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Handling ended.
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The message may now reach another handler; every step of handling is idempotent, so that is safe.
                logger.LogWarning(ex, "Could not keep intake message {MessageId} invisible", messageId);
            }
        }

        private async Task StopRenewingAsync()
        {
            if (!stop.IsCancellationRequested)
            {
                await stop.CancelAsync();
            }

            await renewing;
        }
    }
}
