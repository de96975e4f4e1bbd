namespace ServerlessSync.Domain.Platforms.Kuaishou;

/// <summary>The body 快手 expects in answer to a push (KS-DEMO <c>CommonController</c>).</summary>
public static class KuaishouPushAck
{
    public const string Success = """{"result":1}""";

    public const string ContentType = "application/json";

    /// <summary>
    /// The push body is Base64 text, not JSON; the platform's content type for it is not documented, this is the
    /// simulator's choice. Receivers must not depend on it.
    /// </summary>
    public const string PushContentType = "text/plain; charset=utf-8";
}
