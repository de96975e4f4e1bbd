using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServerlessSync.Simulators.Core;

namespace ServerlessSync.Simulators.Douyin;

/// <summary>
/// Builds 抖店 pushes: a JSON array of <c>{tag, msg_id, data}</c> where <c>data</c> is the message JSON encoded once more
/// as a string, signed with <c>event-sign = md5(app_key + body + app_secret)</c>. Ids inside <c>data</c> are JSON numbers.
/// </summary>
public static class DouyinPushBuilder
{
    public static DouyinPush Build(string appKey, string appSecret, DouyinSimOrder order, string tag, string msgId) =>
        Sign(appKey, appSecret, order.OrderId, tag, msgId, Body([(tag, msgId, Data(order, tag))]));

    /// <summary>The push service's verification message (tag "0").</summary>
    public static DouyinPush Verification(string appKey, string appSecret, string msgId) =>
        Sign(appKey, appSecret, "", DouyinSimPushTags.Verification, msgId, Body([(DouyinSimPushTags.Verification, msgId, new JsonObject())]));

    /// <summary>The same bytes with a signature made with the wrong secret, as a forger without the secret would send.</summary>
    public static DouyinPush Forge(DouyinPush genuine) =>
        genuine with { EventSign = DouyinSimSignatures.EventSign(genuine.AppId, "not-the-app-secret", genuine.Body) };

    public static byte[] Body(IEnumerable<(string Tag, string MsgId, JsonObject Data)> messages)
    {
        var array = new JsonArray(messages
            .Select(m => (JsonNode)new JsonObject
            {
                ["tag"] = m.Tag,
                ["msg_id"] = m.MsgId,
                ["data"] = m.Data.ToJsonString(SimJson.Output),
            })
            .ToArray());
        return Encoding.UTF8.GetBytes(array.ToJsonString(SimJson.Output));
    }

    /// <summary>The <c>data</c> object of one message, with the fields 抖店 documents for that tag.</summary>
    public static JsonObject Data(DouyinSimOrder order, string tag)
    {
        var data = new JsonObject
        {
            ["biz"] = 2,
            ["order_status"] = order.OrderStatus,
            ["order_type"] = 0,
            ["p_id"] = Number(order.OrderId),
            ["shop_id"] = Number(order.ShopId),
        };
        if (tag is DouyinSimPushTags.RefundCreated or DouyinSimPushTags.RefundAgreed or DouyinSimPushTags.RefundSuccess)
        {
            data.Remove("biz");
            data.Remove("order_status");
            data.Remove("order_type");
            data["s_id"] = Number(order.Lines[0].OrderId);
            data["aftersale_id"] = Number(order.OrderId) + 1;
            data["aftersale_status"] = tag == DouyinSimPushTags.RefundSuccess ? 12 : 6;
            data["aftersale_type"] = 2;
            data["reason_code"] = 1;
            data["refund_amount"] = order.PayAmount - order.PostAmount;
            data["refund_post_amount"] = order.PostAmount;
            data["refund_voucher_num"] = 0;
            data["update_time"] = order.UpdateTime;
        }
        else
        {
            data["s_ids"] = new JsonArray(order.Lines.Select(l => (JsonNode)JsonValue.Create(Number(l.OrderId))).ToArray());
        }

        switch (tag)
        {
            case DouyinSimPushTags.TradeCreated:
                data["create_time"] = order.CreateTime;
                break;
            case DouyinSimPushTags.TradePaid:
                data["pay_amount"] = order.PayAmount;
                data["pay_time"] = order.PayTime;
                data["pay_type"] = 1;
                break;
            case DouyinSimPushTags.TradeShipped:
                data["logistics_msg"] = new JsonObject { ["express_company_id"] = "zhongtong", ["logistics_code"] = "78" + order.OrderId[^10..] };
                data["receiver_msg"] = new JsonObject
                {
                    ["name"] = order.Receiver.EncryptName,
                    ["tel"] = order.Receiver.EncryptTel,
                    ["addr"] = order.Receiver.EncryptDetail,
                };
                data["update_time"] = order.UpdateTime;
                break;
            case DouyinSimPushTags.TradeSuccess:
                data["complete_time"] = order.UpdateTime;
                break;
            case DouyinSimPushTags.TradeCanceled:
                data["cancel_reason"] = "买家取消";
                data["cancel_time"] = order.UpdateTime;
                break;
            case DouyinSimPushTags.TradeAmountChanged:
                data["modify_time"] = order.UpdateTime;
                data["post_amount"] = order.PostAmount;
                data["total_amount"] = order.PayAmount;
                break;
            case DouyinSimPushTags.RefundCreated:
                data["apply_time"] = order.UpdateTime;
                break;
            case DouyinSimPushTags.RefundAgreed:
                data["agree_time"] = order.UpdateTime;
                break;
            case DouyinSimPushTags.RefundSuccess:
                data["success_time"] = order.UpdateTime;
                break;
        }

        return data;
    }

    /// <summary>The message tag announcing an order's move to <paramref name="orderStatus"/>/<paramref name="mainStatus"/>, if any.</summary>
    public static string? TagForStatus(int orderStatus, int mainStatus) => (orderStatus, mainStatus) switch
    {
        (_, DouyinSimStatus.RefundedBeforeShipping or DouyinSimStatus.RefundedAfterShipping or DouyinSimStatus.RefundedAfterReceipt) => DouyinSimPushTags.RefundSuccess,
        (DouyinSimStatus.PendingPayment, _) => DouyinSimPushTags.TradeCreated,
        (DouyinSimStatus.Paid, _) => DouyinSimPushTags.TradePaid,
        (DouyinSimStatus.Preparing, _) => DouyinSimPushTags.TradePending,
        (DouyinSimStatus.Shipped or DouyinSimStatus.PartlyShipped, _) => DouyinSimPushTags.TradeShipped,
        (DouyinSimStatus.Completed, _) => DouyinSimPushTags.TradeSuccess,
        (DouyinSimStatus.Cancelled, _) => DouyinSimPushTags.TradeCanceled,
        _ => null,
    };

    private static DouyinPush Sign(string appKey, string appSecret, string orderId, string tag, string msgId, byte[] body) =>
        new(orderId, tag, msgId, body, appKey, DouyinSimSignatures.EventSign(appKey, appSecret, body));

    private static long Number(string id) => long.Parse(id, NumberStyles.None, CultureInfo.InvariantCulture);
}
