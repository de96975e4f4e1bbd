namespace ServerlessSync.Domain.Erp.Kingdee;

/// <summary>The parts of LoginBySign's <c>LoginResult</c> a client needs. <c>LoginResultType</c> 1 means success.</summary>
public sealed record KingdeeLoginResult(int LoginResultType, string? SessionId, string? Message)
{
    public const int Success = 1;

    public bool IsSuccess => LoginResultType == Success && !string.IsNullOrEmpty(SessionId);

    public static KingdeeLoginResult Parse(string json)
    {
        using var document = ErpJson.ParseDocument(json, "Kingdee");
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ErpProtocolException("Kingdee LoginBySign answered something other than a JSON object.");
        }

        // A refused login may come back as a plain ResponseStatus envelope (MsgCode 1) instead of a LoginResult.
        if (!ErpJson.TryGetProperty(root, "LoginResultType", out var type))
        {
            var status = KingdeeResponseParser.TryReadResponseStatus(root);
            var reason = status is null ? "no LoginResultType" : status.ErrorText();
            return new KingdeeLoginResult(0, null, reason);
        }

        return new KingdeeLoginResult(
            ErpJson.ReadInt(type) ?? 0,
            ErpJson.ReadStringProperty(root, "KDSVCSessionId"),
            ErpJson.ReadStringProperty(root, "Message"));
    }
}
