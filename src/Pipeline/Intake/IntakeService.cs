using Microsoft.Extensions.Logging;
using ServerlessSync.Domain.Platforms;

namespace ServerlessSync.Pipeline.Intake;

public sealed record IntakeResult(int Accepted, int Duplicates);

/// <summary>
/// Records verified push messages in the Inbox and enqueues one intake message each. The Inbox row is
/// marked enqueued only after the queue accepted the message, so a crash between the two is repaired by
/// the platform's retry instead of losing the order.
/// </summary>
public sealed class IntakeService(InboxStore inbox, IntakeQueue queue, TimeProvider clock, ILogger<IntakeService> logger)
{
    public async Task<IntakeResult> AcceptAsync(IReadOnlyList<InboundMessage> messages, CancellationToken cancellationToken)
    {
        var accepted = 0;
        var duplicates = 0;
        foreach (var message in messages)
        {
            var now = clock.GetUtcNow();
            var inserted = await inbox.TryInsertAsync(message, now, cancellationToken);
            if (inserted == InboxStore.InsertResult.DuplicateEnqueued)
            {
                duplicates++;
                logger.LogInformation("Duplicate push {MsgId} for {InstanceId} acknowledged, not enqueued again", message.Event.MsgId, InstanceId(message.Event));
                continue;
            }

            await queue.EnqueueAsync(IntakeMessage.From(message.Event, now), cancellationToken: cancellationToken);
            await inbox.MarkEnqueuedAsync(message.Event, cancellationToken);
            accepted++;
        }

        return new IntakeResult(accepted, duplicates);
    }

    private static string InstanceId(OrderEvent e) => $"{e.Platform}:{e.ShopId}:{e.OrderId}";
}
