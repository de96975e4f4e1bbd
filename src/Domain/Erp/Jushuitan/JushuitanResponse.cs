namespace ServerlessSync.Domain.Erp.Jushuitan;

/// <summary>The envelope <c>{"code":0,"msg":"","data":{...}}</c>; <c>code == 0</c> is success.</summary>
public sealed record JushuitanResponse(int Code, string Message, JsonElement Data)
{
    public JushuitanAnswerKind Kind => Code switch
    {
        JushuitanCodes.Success => JushuitanAnswerKind.Success,
        _ when JushuitanCodes.IsThrottled(Code) => JushuitanAnswerKind.Throttled,
        _ when JushuitanCodes.IsAuthFailure(Code) => JushuitanAnswerKind.AuthFailed,
        _ => JushuitanAnswerKind.Rejected,
    };

    public string ErrorText() => string.IsNullOrEmpty(Message) ? $"code {Code}" : $"{Message} (code {Code})";

    public static JushuitanResponse Parse(string body)
    {
        using var document = ErpJson.ParseDocument(body, "Jushuitan");
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !int.TryParse(ErpJson.ReadStringProperty(root, "code"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var code))
        {
            throw new ErpProtocolException("Jushuitan answered JSON without a numeric code.");
        }

        var data = ErpJson.TryGetProperty(root, "data", out var d) ? d.Clone() : default;
        return new JushuitanResponse(code, ErpJson.ReadStringProperty(root, "msg") ?? "", data);
    }

    /// <summary>The <c>data</c> object of a successful answer.</summary>
    public JsonElement RequireData(string api) =>
        Data.ValueKind == JsonValueKind.Object ? Data : throw new ErpProtocolException($"Jushuitan {api} answered without a data object.");
}
