namespace ServerlessSync.Domain.Platforms.Douyin;

/// <summary>Reads the open-API envelope <c>{data, code, msg, sub_code, sub_msg, log_id}</c> every 抖店 answer comes in.</summary>
public static class DouyinEnvelope
{
    /// <summary>The error of a non-success envelope, null on success.</summary>
    /// <exception cref="DouyinResponseFormatException">Not an envelope with a code.</exception>
    public static DouyinApiError? ErrorOf(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || PlatformJson.Long(root, "code") is not { } code)
        {
            throw new DouyinResponseFormatException("response is not an open-API envelope with a code");
        }

        return code == DouyinApiError.SuccessCode
            ? null
            : new DouyinApiError(
                code,
                PlatformJson.String(root, "msg") ?? "",
                PlatformJson.String(root, "sub_code"),
                PlatformJson.String(root, "sub_msg"),
                PlatformJson.String(root, "log_id"));
    }

    /// <summary>The error of an answer whose <c>data</c> carries nothing the caller needs (e.g. <c>order.addOrderRemark</c>).</summary>
    /// <exception cref="DouyinResponseFormatException">Not JSON, or not an envelope with a code.</exception>
    public static DouyinApiError? ErrorOf(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return ErrorOf(document.RootElement);
        }
        catch (JsonException ex)
        {
            throw new DouyinResponseFormatException("response is not valid JSON", ex);
        }
    }
}
