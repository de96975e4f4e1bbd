using Microsoft.Extensions.Logging;
using ServerlessSync.Domain.Platforms;

namespace ServerlessSync.Pipeline.Intake;

public sealed record IntakeResult(int Accepted, int Duplicates);

/// <summary>
/// Records verified push messages in the Inbox and enqueues one intake message each, in two storage calls
/// for a new message: the queue message goes first, then the Inbox row. A crash between the two leaves a
/// message without a row, which the platform's retry completes (never a row without a message, which would
/// make the retry look like a duplicate and lose the order). A duplicate's just-sent message is withdrawn.
/// </summary>
public sealed class IntakeService(InboxStore inbox, IntakeQueue queue, TimeProvider clock, ILogger<IntakeService> logger, Telemetry.PipelineMetrics? metrics = null)
{
    public async Task<IntakeResult> AcceptAsync(IReadOnlyList<InboundMessage> messages, CancellationToken cancellationToken)
    {
        var accepted = 0;
        var duplicates = 0;
        foreach (var message in messages)
        {
            var now = clock.GetUtcNow();
            var receipt = await queue.EnqueueAsync(IntakeMessage.From(message.Event, now), cancellationToken: cancellationToken);
            var inserted = await inbox.TryInsertAsync(message, now, cancellationToken, enqueued: true);
            switch (inserted)
            {
                case InboxStore.InsertResult.DuplicateEnqueued:
                    await queue.WithdrawAsync(receipt, cancellationToken);
                    duplicates++;
                    logger.LogInformation("Duplicate push {MsgId} for {InstanceId} acknowledged, not enqueued again", message.Event.MsgId, InstanceId(message.Event));
                    break;
                case InboxStore.InsertResult.DuplicateNotEnqueued:
                    // An earlier delivery stopped between its row and its message (older code path): this message completes it.
                    await inbox.MarkEnqueuedAsync(message.Event, cancellationToken);
                    accepted++;
                    break;
                default:
                    accepted++;
                    metrics?.OrderReceived(message.Event.Platform, message.Event.ShopId);
                    break;
            }
        }

        return new IntakeResult(accepted, duplicates);
    }

    private static string InstanceId(OrderEvent e) => $"{e.Platform}:{e.ShopId}:{e.OrderId}";
}
