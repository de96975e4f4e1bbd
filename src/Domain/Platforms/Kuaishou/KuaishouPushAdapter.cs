using System.Security.Cryptography;
using System.Text;

namespace ServerlessSync.Domain.Platforms.Kuaishou;

/// <summary>
/// Turns one 快手 push into a <see cref="PushOutcome"/>. The raw body is Base64 AES-CBC cipher text of one event envelope
/// <c>{eventId, msgId, bizId, userId, openId, appKey, event, info, status, createTime, updateTime, operator, test}</c>;
/// <c>info</c> is itself a JSON-encoded string. The e-shop sends no signature header: decrypting with our message key is
/// the proof of origin.
/// </summary>
/// <remarks>
/// Answers: 413 over <see cref="MaxBodyBytes"/>; one 401 with one reason for every way a body fails to be an envelope
/// of this app (not Base64, wrong length, bad padding, not UTF-8, not a JSON object, another or no app key), so the
/// answer tells a forger nothing about how far the cipher text got (no padding oracle); 400 when an envelope of this
/// app is not well formed.
/// </remarks>
public sealed class KuaishouPushAdapter
{
    /// <summary>
    /// One push carries one event of a few hundred bytes (about 1.4× that as Base64); 64 KiB leaves ample room for long
    /// notes or customisation info while keeping a hostile body from being decrypted and parsed.
    /// </summary>
    public const int MaxBodyBytes = 64 * 1024;

    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 32 };

    private readonly byte[] appKey;
    private readonly byte[] key;

    /// <exception cref="ArgumentException"><paramref name="messageKey"/> is not Base64 of an AES key.</exception>
    public KuaishouPushAdapter(string appKey, string messageKey)
    {
        this.appKey = Encoding.UTF8.GetBytes(appKey ?? "");
        key = KuaishouPushCipher.KeyFromMessageKey(messageKey);
    }

    public PushOutcome Process(ReadOnlyMemory<byte> rawBody, DateTimeOffset receivedAt)
    {
        if (rawBody.Length > MaxBodyBytes)
        {
            return PushOutcome.Reject(413, $"body exceeds {MaxBodyBytes} bytes");
        }

        if (!KuaishouPushCipher.TryDecodeBody(rawBody.Span, out var cipherText) || !KuaishouPushCipher.TryDecrypt(cipherText, key, out var plaintext))
        {
            return NotOurs;
        }

        try
        {
            using var document = JsonDocument.Parse(plaintext, ParseOptions);
            return PushText.IsReadable(document.RootElement)
                ? Parse(document.RootElement, plaintext, receivedAt)
                : PushOutcome.Reject(400, PushText.InvalidText);
        }
        catch (JsonException)
        {
            return NotOurs;
        }
    }

    /// <summary>The one answer for every body that is not an envelope of this app.</summary>
    public static readonly PushOutcome NotOurs = PushOutcome.Reject(401, "body is not a push for this app (it does not decrypt to this app's envelope)");

    private PushOutcome Parse(JsonElement envelope, string plaintext, DateTimeOffset receivedAt)
    {
        if (envelope.ValueKind != JsonValueKind.Object || !IsOurAppKey(PlatformJson.String(envelope, "appKey")))
        {
            return NotOurs;
        }

        if (KuaishouJson.Bool(envelope, "test"))
        {
            return PushOutcome.Test();
        }

        var eventName = PlatformJson.String(envelope, "event");
        if (string.IsNullOrWhiteSpace(eventName))
        {
            return PushOutcome.Reject(400, "event is required");
        }

        if (KuaishouPushEvents.Find(eventName) is not { } info)
        {
            return PushOutcome.Orders([]);
        }

        var msgId = PlatformJson.NonEmpty(PlatformJson.String(envelope, "msgId")) ?? PlatformJson.NonEmpty(PlatformJson.String(envelope, "eventId"));
        if (msgId is null)
        {
            return PushOutcome.Reject(400, "msgId or eventId is required");
        }

        using var infoDocument = ParseInfo(envelope, out var infoError);
        if (infoError is not null)
        {
            return PushOutcome.Reject(400, infoError);
        }

        var details = infoDocument?.RootElement;
        var shopId = PlatformJson.Id(envelope, "userId") ?? (details is { } d1 ? PlatformJson.Id(d1, "sellerId") : null);
        var orderId = info.OrderIdInInfo
            ? (details is { } d2 ? PlatformJson.Id(d2, "orderId") : null)
            : PlatformJson.Id(envelope, "bizId") ?? (details is { } d3 ? PlatformJson.Id(d3, "oid") : null);
        if (shopId is null || orderId is null)
        {
            return PushOutcome.Reject(400, info.OrderIdInInfo
                ? "userId and info.orderId must be integer ids"
                : "userId and bizId must be integer ids");
        }

        var eventTime = KuaishouJson.Time(envelope, "updateTime")
            ?? (details is { } d4 ? KuaishouJson.Time(d4, "updateTime") : null)
            ?? KuaishouJson.Time(envelope, "createTime")
            ?? receivedAt;
        var orderEvent = new OrderEvent(PlatformNames.Kuaishou, shopId, orderId, info.EventName, eventTime.ToUniversalTime(), msgId);
        return PushOutcome.Orders([new InboundMessage(orderEvent, plaintext)]);
    }

    /// <summary><c>info</c> as a document (it is a JSON-encoded string; an object is tolerated); null when absent.</summary>
    private static JsonDocument? ParseInfo(JsonElement envelope, out string? error)
    {
        error = null;
        switch (PlatformJson.Property(envelope, "info"))
        {
            case null:
                return null;
            case { ValueKind: JsonValueKind.String } text when string.IsNullOrWhiteSpace(text.GetString()):
                return null;
            case { ValueKind: JsonValueKind.String } text:
                try
                {
                    var document = JsonDocument.Parse(text.GetString()!, ParseOptions);
                    if (document.RootElement.ValueKind == JsonValueKind.Object && PushText.IsReadable(document.RootElement))
                    {
                        return document;
                    }

                    error = document.RootElement.ValueKind == JsonValueKind.Object ? "info " + PushText.InvalidText[5..] : "info is not a JSON object";
                    document.Dispose();
                    return null;
                }
                catch (JsonException)
                {
                    error = "info is not a JSON-encoded object";
                    return null;
                }

            case { ValueKind: JsonValueKind.Object } obj:
                return JsonDocument.Parse(obj.GetRawText(), ParseOptions);
            default:
                error = "info is not a JSON-encoded object";
                return null;
        }
    }

    private bool IsOurAppKey(string? received) =>
        !string.IsNullOrEmpty(received) &&
        CryptographicOperations.FixedTimeEquals(appKey, Encoding.UTF8.GetBytes(received.Trim()));
}
