using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServerlessSync.Simulators.Core;

namespace ServerlessSync.Simulators.WeChat;

/// <summary>
/// Builds 微信小店 pushes in secure mode: the event JSON (<c>ToUserName, FromUserName, CreateTime, MsgType=event, Event</c>
/// and the event body with <c>order_id</c> as a JSON number), encrypted for the app and signed with
/// <c>msg_signature = SHA1(sort(Token, timestamp, nonce, Encrypt))</c>. Every build draws a fresh nonce, timestamp and
/// random prefix, so a redelivery is new bytes carrying the same message.
/// </summary>
public static class WeChatPushBuilder
{
    public static WeChatPush Build(WeChatSimulatorOptions options, WeChatSimOrder order, string eventName, DateTimeOffset now) =>
        Seal(options, order.OrderId, eventName, Plaintext(options, order, eventName), now, options.Token);

    /// <summary>The same message signed with a Token the forger guessed: the receiver must refuse it.</summary>
    public static WeChatPush Forge(WeChatSimulatorOptions options, WeChatSimOrder order, string eventName, DateTimeOffset now) =>
        Seal(options, order.OrderId, eventName, Plaintext(options, order, eventName), now, "not-the-token");

    /// <summary>A redelivery: the same message, newly encrypted and signed.</summary>
    public static WeChatPush Redeliver(WeChatSimulatorOptions options, WeChatPush push, DateTimeOffset now) =>
        Seal(options, push.OrderId, push.Event, push.Plaintext, now, options.Token);

    public static string Plaintext(WeChatSimulatorOptions options, WeChatSimOrder order, string eventName)
    {
        var message = new JsonObject
        {
            ["ToUserName"] = options.UserName,
            ["FromUserName"] = order.OpenId,
            ["CreateTime"] = CreateTime(order, eventName),
            ["MsgType"] = "event",
            ["Event"] = eventName,
        };
        if (eventName == WeChatSimPushEvents.AfterSaleUpdate)
        {
            message[WeChatSimPushEvents.AfterSaleField] = new JsonObject
            {
                ["after_sale_order_id"] = order.AfterSaleOrderId ?? order.OrderId,
                ["status"] = "MERCHANT_REFUND_SUCCESS",
                ["order_id"] = order.OrderId,
            };
        }
        else
        {
            var info = new JsonObject { ["order_id"] = long.Parse(order.OrderId, NumberStyles.None, CultureInfo.InvariantCulture) };
            switch (eventName)
            {
                case WeChatSimPushEvents.OrderPay:
                    info["pay_time"] = order.PayTime;
                    break;
                case WeChatSimPushEvents.OrderCancel:
                    info["cancel_type"] = order.Status switch
                    {
                        WeChatSimStatus.AfterSaleCancelled => 3,
                        WeChatSimStatus.OversoldCancelled => 4,
                        _ => 1,
                    };
                    break;
                case WeChatSimPushEvents.OrderDeliver:
                    info["finish_delivery"] = order.Status == WeChatSimStatus.PartlyShipped ? 0 : 1;
                    break;
            }

            message[WeChatSimPushEvents.OrderInfoField] = info;
        }

        return message.ToJsonString(SimJson.Output);
    }

    /// <summary>The unix time a push of <paramref name="eventName"/> carries as CreateTime.</summary>
    public static long CreateTime(WeChatSimOrder order, string eventName) => eventName switch
    {
        WeChatSimPushEvents.OrderNew => order.CreateTime,
        WeChatSimPushEvents.OrderPay => order.PayTime,
        _ => order.UpdateTime,
    };

    /// <summary>The push announcing a move to <paramref name="status"/>.</summary>
    public static string? EventForStatus(int status) => status switch
    {
        WeChatSimStatus.PendingPayment => WeChatSimPushEvents.OrderNew,
        WeChatSimStatus.WaitShipping => WeChatSimPushEvents.OrderPay,
        WeChatSimStatus.PartlyShipped or WeChatSimStatus.Shipped => WeChatSimPushEvents.OrderDeliver,
        WeChatSimStatus.Completed => WeChatSimPushEvents.OrderConfirm,
        WeChatSimStatus.OversoldCancelled or WeChatSimStatus.Cancelled => WeChatSimPushEvents.OrderCancel,
        WeChatSimStatus.AfterSaleCancelled => WeChatSimPushEvents.AfterSaleUpdate,
        _ => null,
    };

    private static WeChatPush Seal(WeChatSimulatorOptions options, string orderId, string eventName, string plaintext, DateTimeOffset now, string token)
    {
        var encrypt = WeChatSimCrypto.Encrypt(options.EncodingAesKey, plaintext, options.AppId);
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        var query = string.Join('&',
            $"signature={WeChatSimCrypto.Signature(token, timestamp, nonce)}",
            $"timestamp={timestamp}",
            $"nonce={nonce}",
            $"encrypt_type={WeChatSimCrypto.AesEncryptType}",
            $"msg_signature={WeChatSimCrypto.Signature(token, timestamp, nonce, encrypt)}");
        var body = Encoding.UTF8.GetBytes(new JsonObject { ["ToUserName"] = options.UserName, ["Encrypt"] = encrypt }.ToJsonString(SimJson.Output));
        return new WeChatPush(orderId, eventName, MsgKey(plaintext), plaintext, query, body);
    }

    /// <summary>event-order-CreateTime (plus after-sale id and status), read back from the message as a receiver would.</summary>
    private static string MsgKey(string plaintext)
    {
        using var document = JsonDocument.Parse(plaintext);
        var root = document.RootElement;
        var eventName = root.GetProperty("Event").GetString()!;
        var createTime = root.GetProperty("CreateTime").GetInt64();
        if (eventName == WeChatSimPushEvents.AfterSaleUpdate)
        {
            var a = root.GetProperty(WeChatSimPushEvents.AfterSaleField);
            return string.Create(CultureInfo.InvariantCulture,
                $"{eventName}-{a.GetProperty("order_id").GetString()}-{createTime}-{a.GetProperty("after_sale_order_id").GetString()}-{a.GetProperty("status").GetString()}");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{eventName}-{root.GetProperty(WeChatSimPushEvents.OrderInfoField).GetProperty("order_id").GetRawText()}-{createTime}");
    }
}
