namespace ServerlessSync.Domain.Platforms.Taobao;

/// <summary>
/// The TOP JSON answer: <c>{"{api}_response": {...}}</c> on success (e.g. <c>trade_fullinfo_get_response</c>) or
/// <c>{"error_response": {code, msg, sub_code, sub_msg, request_id}}</c>, both with HTTP 200.
/// </summary>
internal static class TaobaoEnvelope
{
    public const string ErrorResponse = "error_response";

    /// <summary>The success body, or null with <paramref name="error"/> set.</summary>
    /// <exception cref="TaobaoResponseFormatException">Neither a success nor an error envelope.</exception>
    public static JsonElement? Open(JsonElement root, string responseName, out TaobaoApiError? error)
    {
        error = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new TaobaoResponseFormatException("response is not a JSON object");
        }

        if (PlatformJson.Property(root, ErrorResponse) is { ValueKind: JsonValueKind.Object } e)
        {
            error = new TaobaoApiError(
                PlatformJson.Long(e, "code") ?? throw new TaobaoResponseFormatException("error_response without a numeric code"),
                TaobaoJson.String(e, "msg") ?? "",
                TaobaoJson.String(e, "sub_code"),
                TaobaoJson.String(e, "sub_msg"),
                TaobaoJson.String(e, "request_id"));
            return null;
        }

        return PlatformJson.Property(root, responseName) is { ValueKind: JsonValueKind.Object } body
            ? body
            : throw new TaobaoResponseFormatException($"response has neither {responseName} nor error_response");
    }

    /// <summary>The TOP response name of an API: <c>taobao.trade.fullinfo.get</c> → <c>trade_fullinfo_get_response</c>.</summary>
    public static string ResponseName(string method) =>
        (method.StartsWith("taobao.", StringComparison.Ordinal) ? method["taobao.".Length..] : method).Replace('.', '_') + "_response";
}

/// <summary>Reads the answer of a write whose success body the caller does not need (e.g. <c>taobao.trade.memo.add</c>).</summary>
public static class TaobaoWriteAnswer
{
    /// <summary>The error, or null on a success envelope of <paramref name="method"/>.</summary>
    /// <exception cref="TaobaoResponseFormatException">Not JSON, or neither envelope.</exception>
    public static TaobaoApiError? ErrorOf(string json, string method)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            TaobaoEnvelope.Open(document.RootElement, TaobaoEnvelope.ResponseName(method), out var error);
            return error;
        }
        catch (JsonException ex)
        {
            throw new TaobaoResponseFormatException("response is not valid JSON", ex);
        }
    }
}
