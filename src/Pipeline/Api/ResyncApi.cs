using ServerlessSync.Pipeline.Audit;
using ServerlessSync.Pipeline.Http;
using ServerlessSync.Pipeline.Intake;
using ServerlessSync.Pipeline.Sync;

namespace ServerlessSync.Pipeline.Api;

/// <summary>POST /api/orders/{platform}/{shopId}/{orderId}/resync: run the order's sync again (level-triggered, so it is always safe).</summary>
public sealed class ResyncApi(IntakeQueue queue, TimeProvider clock)
{
    public async Task<AdminOutcome> ResyncAsync(string platform, string shopId, string orderId, CancellationToken cancellationToken)
    {
        if (!PlatformNames.IsKnown(platform))
        {
            return new(HttpReply.Error(400, $"unknown platform '{platform}'; expected one of {string.Join(", ", PlatformNames.All)}"), "nothing (unknown platform)");
        }

        if (string.IsNullOrWhiteSpace(shopId) || string.IsNullOrWhiteSpace(orderId))
        {
            return new(HttpReply.Error(400, "shop id and order id are required"), "nothing (no shop or order id)");
        }

        var now = clock.GetUtcNow();
        var message = new IntakeMessage(platform, shopId, orderId, SyncEvents.Resync, now, $"resync-{now.ToUnixTimeMilliseconds()}", now);
        await queue.EnqueueAsync(message, cancellationToken: cancellationToken);
        return new(HttpReply.JsonBody(202, new { instanceId = message.Key.InstanceId, queued = true }), $"resync of {message.Key.InstanceId} queued");
    }
}
