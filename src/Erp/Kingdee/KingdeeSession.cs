namespace ServerlessSync.Pipeline.Erp.Kingdee;

/// <summary>A LoginBySign session: sent as header <c>kdservice-sessionid</c> plus the cookies the login set.</summary>
internal sealed record KingdeeSession(string SessionId, string CookieHeader)
{
    public const string HeaderName = "kdservice-sessionid";
}
