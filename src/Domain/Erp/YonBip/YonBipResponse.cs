namespace ServerlessSync.Domain.Erp.YonBip;

/// <summary>
/// The open-API envelope <c>{"code","message","data"}</c>. Auth failures arrive as HTTP 200 with a code; some APIs
/// answer a bad token with the plain text "非法token", which is read as code 310036.
/// </summary>
public sealed record YonBipResponse(string Code, string Message, JsonElement Data)
{
    public YonBipAnswerKind Kind => YonBipAnswerClassifier.Classify(Code);

    public bool HasData => Data.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null);

    public string ErrorText() => string.IsNullOrEmpty(Message) ? $"code {Code}" : $"{Message} (code {Code})";

    public static YonBipResponse Parse(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var trimmed = body.TrimStart();
        if (!trimmed.StartsWith('{') && body.Contains(YonBipCodes.TokenInvalidMessage, StringComparison.Ordinal))
        {
            return new YonBipResponse(YonBipCodes.TokenInvalid, body.Trim(), default);
        }

        using var document = ErpJson.ParseDocument(body, "YonBIP");
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !ErpJson.TryGetProperty(root, "code", out var code))
        {
            throw new ErpProtocolException("YonBIP answered JSON without a code.");
        }

        var data = ErpJson.TryGetProperty(root, "data", out var d) ? d.Clone() : default;
        return new YonBipResponse(
            ErpJson.ReadString(code) ?? "",
            ErpJson.ReadStringProperty(root, "message") ?? "",
            data);
    }
}
