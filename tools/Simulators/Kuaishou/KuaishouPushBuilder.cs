using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServerlessSync.Simulators.Core;

namespace ServerlessSync.Simulators.Kuaishou;

/// <summary>
/// Builds 快手 pushes: the event envelope <c>{eventId, msgId, bizId, userId, openId, appKey, event, info, status, createTime,
/// updateTime, operator, test}</c> with <c>info</c> JSON-encoded once more as a string, encrypted AES/CBC/PKCS5 with the
/// Base64-decoded message key and a zero IV, sent as Base64. Ids are JSON numbers, times ms.
/// </summary>
public static class KuaishouPushBuilder
{
    /// <summary>The event a heartbeat carries is not documented; a heartbeat is recognised by <c>test: true</c> alone (G).</summary>
    public const string HeartbeatEvent = KuaishouSimPushEvents.OrderPaid;

    public static KuaishouPush Build(KuaishouSimulatorOptions options, KuaishouSimOrder order, string eventName, string msgId, string eventId)
    {
        var refundEvent = eventName is KuaishouSimPushEvents.RefundAdded or KuaishouSimPushEvents.RefundUpdated;
        var envelope = Envelope(options.AppKey, eventName, msgId, eventId, refundEvent ? Number(order.RefundId ?? order.Oid) : Number(order.Oid), order);
        envelope["info"] = Info(order, eventName).ToJsonString(SimJson.Output);
        return Encrypt(options.MessageKey, order.Oid, eventName, msgId, envelope);
    }

    /// <summary>The platform's heartbeat/test event: acknowledge, record nothing.</summary>
    public static KuaishouPush Heartbeat(KuaishouSimulatorOptions options, string msgId, string eventId)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var envelope = new JsonObject
        {
            ["eventId"] = eventId,
            ["msgId"] = msgId,
            ["bizId"] = 0,
            ["userId"] = Number(options.SellerId),
            ["openId"] = "",
            ["appKey"] = options.AppKey,
            ["event"] = HeartbeatEvent,
            ["info"] = "{}",
            ["status"] = 0,
            ["createTime"] = now,
            ["updateTime"] = now,
            ["operator"] = "",
            ["test"] = true,
        };
        return Encrypt(options.MessageKey, "", HeartbeatEvent, msgId, envelope);
    }

    /// <summary>The same envelope encrypted with another key, as a sender without our message key would produce: it does not decrypt.</summary>
    public static KuaishouPush Forge(KuaishouPush genuine) =>
        genuine with { Body = Encoding.ASCII.GetBytes(KuaishouSimSignatures.EncryptPush(genuine.Plaintext, Convert.ToBase64String(Encoding.ASCII.GetBytes("not-the-real-key")))) };

    /// <summary>A body that is not Base64 cipher text at all.</summary>
    public static KuaishouPush Garbage(KuaishouPush genuine) =>
        genuine with { Body = Encoding.UTF8.GetBytes("{\"this is\": \"not cipher text\"}") };

    public static JsonObject Envelope(string appKey, string eventName, string msgId, string eventId, long bizId, KuaishouSimOrder order) => new()
    {
        ["eventId"] = eventId,
        ["msgId"] = msgId,
        ["bizId"] = bizId,
        ["userId"] = Number(order.SellerId),
        ["openId"] = order.SellerOpenId,
        ["appKey"] = appKey,
        ["event"] = eventName,
        ["info"] = "{}",
        ["status"] = order.Status,
        ["createTime"] = eventName == KuaishouSimPushEvents.OrderAdded ? order.CreateTime : order.UpdateTime,
        ["updateTime"] = eventName == KuaishouSimPushEvents.OrderAdded ? order.CreateTime : order.UpdateTime,
        ["operator"] = "",
        ["test"] = false,
    };

    /// <summary>The <c>info</c> object of one event, with the fields 快手 documents for it.</summary>
    public static JsonObject Info(KuaishouSimOrder order, string eventName)
    {
        var oid = Number(order.Oid);
        var seller = Number(order.SellerId);
        return eventName switch
        {
            KuaishouSimPushEvents.OrderAdded => new JsonObject
            {
                ["oid"] = oid,
                ["sellerId"] = seller,
                ["createTime"] = order.CreateTime,
                ["customizedInfo"] = new JsonObject { ["customizedItemType"] = 0, ["customizedUrl"] = "", ["customizedCode"] = "" },
                ["openId"] = order.SellerOpenId,
                ["buyerOpenId"] = order.BuyerOpenId,
            },
            KuaishouSimPushEvents.OrderFeeChanged => new JsonObject
            {
                ["oid"] = oid,
                ["sellerId"] = seller,
                ["totalFee"] = order.TotalFee,
                ["beforeTotalFee"] = order.TotalFee,
                ["expressFee"] = order.ExpressFee,
                ["beforeExpressFee"] = order.ExpressFee,
                ["openId"] = order.SellerOpenId,
                ["updateTime"] = order.UpdateTime,
                ["buyerOpenId"] = order.BuyerOpenId,
            },
            KuaishouSimPushEvents.RefundAdded or KuaishouSimPushEvents.RefundUpdated => RefundInfo(order, eventName, oid),
            _ => new JsonObject
            {
                ["oid"] = oid,
                ["sellerId"] = seller,
                ["status"] = order.Status,
                ["updateTime"] = order.UpdateTime,
            },
        };
    }

    /// <summary>The event announcing an order's move to <paramref name="status"/> (a refund change when a refund status is given), if any.</summary>
    public static string? EventForStatus(int status, int? refundStatus) => (status, refundStatus) switch
    {
        (_, not null) => KuaishouSimPushEvents.RefundUpdated,
        (KuaishouSimStatus.PendingPayment, _) => KuaishouSimPushEvents.OrderAdded,
        (KuaishouSimStatus.Paid, _) => KuaishouSimPushEvents.OrderPaid,
        (KuaishouSimStatus.Shipped, _) => KuaishouSimPushEvents.OrderDelivering,
        (KuaishouSimStatus.Received, _) => KuaishouSimPushEvents.OrderDelivered,
        (KuaishouSimStatus.Success, _) => KuaishouSimPushEvents.OrderSuccess,
        (KuaishouSimStatus.Failed, _) => KuaishouSimPushEvents.OrderFail,
        _ => null,
    };

    private static JsonObject RefundInfo(KuaishouSimOrder order, string eventName, long oid)
    {
        var info = new JsonObject
        {
            ["orderId"] = oid,
            ["refundId"] = Number(order.RefundId ?? order.Oid),
            ["handlingWay"] = 10,
            ["specialRefundType"] = 0,
            ["status"] = order.RefundStatus ?? 10,
            ["createTime"] = order.UpdateTime,
        };
        if (eventName == KuaishouSimPushEvents.RefundUpdated)
        {
            info["eventType"] = "REFUND_STATUS_CHANGE";
            info["updateTime"] = order.UpdateTime;
        }

        return info;
    }

    private static KuaishouPush Encrypt(string messageKey, string orderId, string eventName, string msgId, JsonObject envelope)
    {
        var plaintext = envelope.ToJsonString(SimJson.Output);
        return new KuaishouPush(orderId, eventName, msgId, Encoding.ASCII.GetBytes(KuaishouSimSignatures.EncryptPush(plaintext, messageKey)), plaintext);
    }

    private static long Number(string id) => long.Parse(id, NumberStyles.None, CultureInfo.InvariantCulture);
}
