using ServerlessSync.Pipeline.Http;
using ServerlessSync.Pipeline.Intake;
using ServerlessSync.Pipeline.Ledger;

namespace ServerlessSync.Pipeline.Api;

/// <summary>GET /api/orders/{platform}/{shopId}/{orderId}: the ledger state and history of one order.</summary>
public sealed class OrderStatusApi(OrderLedger ledger, InboxStore inbox)
{
    public async Task<HttpReply> GetAsync(string platform, string shopId, string orderId, CancellationToken cancellationToken)
    {
        if (!PlatformNames.IsKnown(platform))
        {
            return HttpReply.Error(400, $"unknown platform '{platform}'; expected one of {string.Join(", ", PlatformNames.All)}");
        }

        var key = new OrderKey(platform, shopId, orderId);
        var entry = await ledger.GetAsync(key, cancellationToken);
        var pushes = await inbox.CountAsync(platform, shopId, orderId, cancellationToken);
        if (entry is null)
        {
            return pushes == 0
                ? HttpReply.Error(404, $"order {key.InstanceId} is not known")
                : HttpReply.JsonBody(200, new { instanceId = key.InstanceId, status = "Received", pushesReceived = pushes, history = Array.Empty<object>() });
        }

        return HttpReply.JsonBody(200, new
        {
            instanceId = key.InstanceId,
            status = entry.Status,
            platformStatus = entry.PlatformStatus,
            erpOrderNumber = entry.ErpOrderNumber,
            paidAmountFen = entry.PaidAmountFen,
            reason = entry.Reason,
            updatedAt = entry.UpdatedAt,
            pushesReceived = pushes,
            sellerNote = entry.SellerNote,
            sellerNoteAt = entry.SellerNoteAt,
            shipments = entry.Shipments,
            history = entry.History,
        });
    }
}
