using ServerlessSync.Pipeline.Audit;
using Azure.Storage.Queues.Models;
using ServerlessSync.Pipeline.Api;
using ServerlessSync.Pipeline.Http;

namespace ServerlessSync.Pipeline.Intake;

/// <summary>
/// <c>GET /api/intake/poison</c> counts what waits on <c>orders-intake-poison</c>; <c>POST /api/intake/poison/redrive</c> moves
/// it back to <c>orders-intake</c> with fresh tries (the console's "Redrive poison queue" button calls it). Each message is
/// written to the intake queue before it is deleted from the poison queue, so a failure half way repeats a message rather
/// than losing it, and every step of intake is idempotent.
/// </summary>
public sealed class IntakePoisonRedrive(StorageClients storage, IntakeQueue intake)
{
    public const string Route = "intake/poison/redrive";

    public const string CountRoute = "intake/poison";

    /// <summary>One call moves at most this many messages, so a request ends in bounded time; call again for the rest.</summary>
    public const int MaxPerCall = 1000;

    private static readonly TimeSpan InvisibleWhileMoved = TimeSpan.FromMinutes(2);

    public async Task<HttpReply> CountAsync(CancellationToken cancellationToken)
    {
        var poison = await storage.QueueAsync(IntakeQueueNames.Poison(storage.IntakeQueueName));
        var properties = await poison.GetPropertiesAsync(cancellationToken);
        return HttpReply.JsonBody(200, new { queue = poison.Name, approximateMessages = properties.Value.ApproximateMessagesCount });
    }

    public async Task<AdminOutcome> RedriveAsync(CancellationToken cancellationToken)
    {
        var poison = await storage.QueueAsync(IntakeQueueNames.Poison(storage.IntakeQueueName));
        var moved = 0;
        while (moved < MaxPerCall)
        {
            QueueMessage[] messages = (await poison.ReceiveMessagesAsync(Math.Min(32, MaxPerCall - moved), InvisibleWhileMoved, cancellationToken)).Value;
            if (messages.Length == 0)
            {
                break;
            }

            foreach (var message in messages)
            {
                await intake.SendTextAsync(IntakeRetryMark.Write(message.Body.ToString(), 0), null, cancellationToken);
                await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                moved++;
            }
        }

        var left = (await poison.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
        return new(HttpReply.JsonBody(200, new { redriven = moved, left }), $"redriven {moved} poisoned intake messages, {left} left");
    }
}
