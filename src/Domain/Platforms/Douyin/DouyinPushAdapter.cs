namespace ServerlessSync.Domain.Platforms.Douyin;

/// <summary>
/// Turns one 抖店 push (headers <c>app-id</c>, <c>event-sign</c> and the raw body) into a <see cref="PushOutcome"/>.
/// The body is a JSON array of <c>{tag, msg_id, data}</c> where <c>data</c> is itself a JSON-encoded string.
/// A push is accepted or rejected as a whole, so a rejected push leaves nothing behind and the platform retries it.
/// </summary>
public sealed class DouyinPushAdapter(string appKey, string appSecret)
{
    /// <summary>
    /// Pushes carry ids and a small summary, a few hundred bytes per message; 1 MiB leaves room for large batches
    /// while keeping a hostile body from being hashed and parsed.
    /// </summary>
    public const int MaxBodyBytes = 1024 * 1024;

    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 32 };

    public PushOutcome Process(string? appId, string? eventSign, ReadOnlyMemory<byte> rawBody, DateTimeOffset receivedAt)
    {
        if (rawBody.Length > MaxBodyBytes)
        {
            return PushOutcome.Reject(413, $"body exceeds {MaxBodyBytes} bytes");
        }

        if (!DouyinPushVerifier.IsAppIdValid(appKey, appId))
        {
            return PushOutcome.Reject(401, "app-id header missing or not this app's key");
        }

        if (!DouyinPushVerifier.IsSignatureValid(appKey, appSecret, eventSign, rawBody.Span))
        {
            return PushOutcome.Reject(401, "event-sign header missing or invalid");
        }

        if (!PushText.IsUtf8(rawBody.Span))
        {
            return PushOutcome.Reject(400, PushText.InvalidUtf8);
        }

        try
        {
            using var document = JsonDocument.Parse(rawBody, ParseOptions);
            return PushText.IsReadable(document.RootElement)
                ? Parse(document.RootElement, receivedAt)
                : PushOutcome.Reject(400, PushText.InvalidText);
        }
        catch (JsonException)
        {
            return PushOutcome.Reject(400, "body is not valid JSON");
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses to read a string holding a lone surrogate escape such as "\ud800".
            return PushOutcome.Reject(400, "body has a string that is not valid text");
        }
    }

    private static PushOutcome Parse(JsonElement root, DateTimeOffset receivedAt)
    {
        if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() == 0)
        {
            return PushOutcome.Reject(400, "body must be a non-empty JSON array of messages");
        }

        var messages = new List<InboundMessage>();
        var sawVerification = false;
        var index = 0;
        foreach (var element in root.EnumerateArray())
        {
            var (message, error, isVerification) = ParseMessage(element, receivedAt);
            if (error is not null)
            {
                return PushOutcome.Reject(400, $"message {index}: {error}");
            }

            sawVerification |= isVerification;
            if (message is not null)
            {
                messages.Add(message);
            }

            index++;
        }

        return sawVerification && messages.Count == 0 ? PushOutcome.Test() : PushOutcome.Orders(messages);
    }

    private static (InboundMessage? Message, string? Error, bool IsVerification) ParseMessage(JsonElement element, DateTimeOffset receivedAt)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return (null, "not a JSON object", false);
        }

        var tag = PlatformJson.String(element, "tag");
        var msgId = PlatformJson.String(element, "msg_id");
        if (string.IsNullOrWhiteSpace(tag) || string.IsNullOrWhiteSpace(msgId))
        {
            return (null, "tag and msg_id are required", false);
        }

        if (tag == DouyinPushTags.Verification)
        {
            return (null, null, true);
        }

        if (DouyinPushTags.Find(tag) is not { } info)
        {
            return (null, null, false);
        }

        if (PlatformJson.Property(element, "data") is not { } dataElement)
        {
            return (null, "data is required", false);
        }

        JsonDocument? inner = null;
        try
        {
            JsonElement data;
            if (dataElement.ValueKind == JsonValueKind.String)
            {
                inner = JsonDocument.Parse(dataElement.GetString()!, ParseOptions);
                data = inner.RootElement;
                if (!PushText.IsReadable(data))
                {
                    return (null, "data " + PushText.InvalidText[5..], false);
                }
            }
            else
            {
                data = dataElement;
            }

            if (data.ValueKind != JsonValueKind.Object)
            {
                return (null, "data is not a JSON object", false);
            }

            var shopId = PlatformJson.Id(data, "shop_id");
            var orderId = PlatformJson.Id(data, "p_id");
            if (shopId is null || orderId is null)
            {
                return (null, "data.shop_id and data.p_id must be integer ids", false);
            }

            var eventTime = DouyinJson.UnixTime(data, info.TimeField) ?? DouyinJson.UnixTime(data, "update_time") ?? receivedAt;
            var orderEvent = new OrderEvent(PlatformNames.Douyin, shopId, orderId, info.EventName, eventTime.ToUniversalTime(), msgId);
            return (new InboundMessage(orderEvent, element.GetRawText()), null, false);
        }
        catch (JsonException)
        {
            return (null, "data is not a JSON-encoded object", false);
        }
        catch (InvalidOperationException)
        {
            return (null, "data has a string that is not valid text", false);
        }
        finally
        {
            inner?.Dispose();
        }
    }
}
