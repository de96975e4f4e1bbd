namespace ServerlessSync.Domain.Platforms.WeChat;

/// <summary>
/// Turns one encrypted 微信小店 push (secure mode, JSON) into a <see cref="PushOutcome"/>. The body is
/// <c>{"ToUserName": "...", "Encrypt": "&lt;base64&gt;"}</c>; <c>msg_signature</c> signs Encrypt with the Token, timestamp
/// and nonce; the decrypted message is the event JSON (<c>ToUserName, FromUserName, CreateTime, MsgType, Event</c> and the
/// event body). The shop only allows secure mode and JSON, so plain-text and XML pushes are refused.
/// </summary>
public sealed class WeChatPushAdapter(string token, WeChatMessageCrypto crypto, WeChatShopDirectory shops, TimeSpan maxTimestampSkew)
{
    /// <summary>
    /// A push is one encrypted event of a few hundred bytes; 64 KiB leaves wide room while keeping a hostile body from being
    /// parsed and decrypted.
    /// </summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>
    /// WeChat signs each delivery with its own timestamp. Five minutes of skew covers clock drift and the 5 s delivery
    /// timeout while bounding how long a captured push can be replayed; its msg id makes a replay a duplicate anyway.
    /// </summary>
    public static readonly TimeSpan DefaultMaxTimestampSkew = TimeSpan.FromMinutes(5);

    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 32 };

    public PushOutcome Process(WeChatPushQuery query, ReadOnlyMemory<byte> rawBody, DateTimeOffset receivedAt)
    {
        if (rawBody.Length > MaxBodyBytes)
        {
            return PushOutcome.Reject(413, $"body exceeds {MaxBodyBytes} bytes");
        }

        if (query.EncryptType is { Length: > 0 } type && !string.Equals(type, WeChatPushAck.AesEncryptType, StringComparison.OrdinalIgnoreCase))
        {
            return PushOutcome.Reject(400, "encrypt_type must be aes");
        }

        if (string.IsNullOrEmpty(query.MsgSignature) || string.IsNullOrEmpty(query.Timestamp) || string.IsNullOrEmpty(query.Nonce))
        {
            return PushOutcome.Reject(401, "only secure-mode pushes are accepted: msg_signature, timestamp and nonce are required");
        }

        if (!PushText.IsUtf8(rawBody.Span))
        {
            return PushOutcome.Reject(400, PushText.InvalidUtf8);
        }

        string? outerToUserName;
        string encrypted;
        try
        {
            using var envelope = JsonDocument.Parse(rawBody, ParseOptions);
            var root = envelope.RootElement;
            if (!PushText.IsReadable(root))
            {
                return PushOutcome.Reject(400, PushText.InvalidText);
            }

            if (root.ValueKind != JsonValueKind.Object || PlatformJson.Property(root, "Encrypt") is not { ValueKind: JsonValueKind.String } encryptElement ||
                encryptElement.GetString() is not { Length: > 0 } encryptText)
            {
                return PushOutcome.Reject(400, "body must be a JSON object with a non-empty Encrypt string");
            }

            encrypted = encryptText;
            outerToUserName = WeChatJson.NonEmptyString(root, "ToUserName");
        }
        catch (JsonException)
        {
            return PushOutcome.Reject(400, "body is not valid JSON");
        }

        if (!WeChatSignature.Verify(query.MsgSignature, token, query.Timestamp, query.Nonce, encrypted))
        {
            return PushOutcome.Reject(401, "msg_signature does not match SHA1(sort(Token, timestamp, nonce, Encrypt))");
        }

        if (!long.TryParse(query.Timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            return PushOutcome.Reject(400, "timestamp is not unix seconds");
        }

        if (Math.Abs(receivedAt.ToUnixTimeSeconds() - timestamp) > (long)maxTimestampSkew.TotalSeconds)
        {
            return PushOutcome.Reject(401, $"timestamp is more than {(long)maxTimestampSkew.TotalSeconds} s from the receiver's clock (stale or replayed push)");
        }

        if (crypto.TryDecrypt(encrypted, out var decryptError) is not { } decrypted)
        {
            return PushOutcome.Reject(401, $"Encrypt does not decrypt: {decryptError}");
        }

        if (!shops.IsKnownApp(decrypted.AppId))
        {
            return PushOutcome.Reject(401, "the message was encrypted for an appid that is not configured");
        }

        try
        {
            using var message = JsonDocument.Parse(decrypted.Message, ParseOptions);
            return PushText.IsReadable(message.RootElement)
                ? ParseMessage(message.RootElement, decrypted, outerToUserName)
                : PushOutcome.Reject(400, "the decrypted message " + PushText.InvalidText[5..]);
        }
        catch (JsonException)
        {
            return PushOutcome.Reject(400, "the decrypted message is not valid JSON");
        }
    }

    private PushOutcome ParseMessage(JsonElement message, WeChatDecryptedMessage decrypted, string? outerToUserName)
    {
        if (message.ValueKind != JsonValueKind.Object)
        {
            return PushOutcome.Reject(400, "the decrypted message is not a JSON object");
        }

        var toUserName = WeChatJson.NonEmptyString(message, "ToUserName");
        if (toUserName is not null && outerToUserName is not null && toUserName != outerToUserName)
        {
            return PushOutcome.Reject(401, "ToUserName outside the encryption differs from the signed one");
        }

        var eventName = WeChatJson.NonEmptyString(message, "Event");
        if (WeChatPushEvents.BodyField(eventName) is not { } bodyField ||
            !string.Equals(PlatformJson.String(message, "MsgType"), "event", StringComparison.Ordinal))
        {
            return PushOutcome.Test();
        }

        var shopKey = toUserName ?? outerToUserName;
        var shop = shops.Resolve(shopKey, decrypted.AppId);
        if (shop.ShopId is null && !shop.IsUnknownShop)
        {
            return PushOutcome.Reject(shop.RejectStatusCode, shop.RejectReason ?? "unknown shop");
        }

        if (PlatformJson.Property(message, bodyField) is not { ValueKind: JsonValueKind.Object } body || PlatformJson.Id(body, "order_id") is not { } orderId)
        {
            return PushOutcome.Reject(400, $"{eventName} needs {bodyField}.order_id as an integer id");
        }

        if (PlatformJson.Long(message, "CreateTime") is not { } createTime || PlatformJson.UnixSeconds(message, "CreateTime") is not { } eventTime)
        {
            return PushOutcome.Reject(400, "CreateTime is required (unix seconds)");
        }

        var msgId = WeChatJson.NonEmptyString(message, "MsgId") ?? DeriveMsgId(eventName!, orderId, createTime, body);
        var push = new HeldPush(PlatformNames.WeChat, shopKey ?? "", decrypted.AppId, eventName!, orderId, eventTime, msgId, decrypted.Message);
        return shop.ShopId is { } shopId ? PushOutcome.Orders([push.For(shopId)]) : PushOutcome.Hold(push);
    }

    /// <summary>
    /// Order pushes carry no message id. A redelivery repeats the same event, order and CreateTime, so those make a stable
    /// id; an after-sale update also names the after-sale order and its status, which can change within one second.
    /// </summary>
    public static string DeriveMsgId(string eventName, string orderId, long createTime, JsonElement body)
    {
        var afterSale = eventName == WeChatPushEvents.AfterSaleUpdate
            ? $"-{PlatformJson.Id(body, "after_sale_order_id") ?? "0"}-{PlatformJson.String(body, "status") ?? ""}"
            : "";
        return string.Create(CultureInfo.InvariantCulture, $"{eventName}-{orderId}-{createTime}{afterSale}");
    }
}
