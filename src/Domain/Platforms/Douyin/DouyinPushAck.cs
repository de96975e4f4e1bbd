namespace ServerlessSync.Domain.Platforms.Douyin;

/// <summary>The bodies 抖店 expects in answer to a push (ack format of the official SDKs).</summary>
public static class DouyinPushAck
{
    public const string Success = """{"code":0,"msg":"success"}""";

    public const string Fail = """{"code":1,"msg":"fail"}""";

    public const string ContentType = "application/json";

    /// <summary>Header carrying the push signature.</summary>
    public const string SignHeader = "event-sign";

    /// <summary>Header carrying the app key the push was sent for.</summary>
    public const string AppIdHeader = "app-id";
}
