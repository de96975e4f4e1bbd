using ServerlessSync.Domain.Orders;
using ServerlessSync.Pipeline.Intake;
using ServerlessSync.Pipeline.Sync;

namespace ServerlessSync.Pipeline.Api;

/// <summary>POST /api/orders/{platform}/{shopId}/{orderId}/resync: run the order's sync again (level-triggered, so it is always safe).</summary>
public sealed class ResyncApi(IntakeQueue queue, TimeProvider clock)
{
    public async Task<HttpReply> ResyncAsync(string platform, string shopId, string orderId, CancellationToken cancellationToken)
    {
        if (!PlatformNames.IsKnown(platform))
        {
            return HttpReply.Error(400, $"unknown platform '{platform}'; expected one of {string.Join(", ", PlatformNames.All)}");
        }

        if (string.IsNullOrWhiteSpace(shopId) || string.IsNullOrWhiteSpace(orderId))
        {
            return HttpReply.Error(400, "shop id and order id are required");
        }

        var now = clock.GetUtcNow();
        var message = new IntakeMessage(platform, shopId, orderId, SyncEvents.Resync, now, $"resync-{now.ToUnixTimeMilliseconds()}", now);
        await queue.EnqueueAsync(message, cancellationToken: cancellationToken);
        return HttpReply.JsonBody(202, new { instanceId = message.Key.InstanceId, queued = true });
    }
}
