using ServerlessSync.Domain.Erp.Kingdee;

namespace ServerlessSync.Pipeline.Erp.Kingdee;

/// <summary>LoginBySign: the session the connector's <see cref="ErpCredentialCache{T}"/> holds until the server drops it.</summary>
internal sealed class KingdeeLogin(
    KingdeeTransport transport, IOptions<KingdeeOptions> options, TimeProvider time, ILogger<KingdeeLogin> logger)
{
    public async Task<KingdeeSession> LoginAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var credentials = new KingdeeCredentials(o.AcctId, o.UserName, o.AppId, o.AppSecret, o.Lcid);
        var body = KingdeeLoginRequest.BuildBody(credentials, time.GetUtcNow().ToUnixTimeSeconds());
        var answer = await transport.PostAsync(KingdeeHttpClients.Read, KingdeeServices.LoginBySign, body, null, cancellationToken);
        var result = KingdeeLoginResult.Parse(answer.Body);
        if (!result.IsSuccess)
        {
            var reason = result.Message ?? $"LoginResultType {result.LoginResultType}";
            KingdeeLog.LoginRefused(logger, transport.BaseUrl, o.UserName, reason);
            throw new ErpTransientException($"Kingdee login refused: {reason}");
        }

        KingdeeLog.LoggedIn(logger, transport.BaseUrl, o.UserName);
        return new KingdeeSession(result.SessionId!, CookieHeader(answer.SetCookies));
    }

    /// <summary>Replays the login's cookies (<c>kdservice-sessionid</c>, <c>ASP.NET_SessionId</c>) as one Cookie header.</summary>
    private static string CookieHeader(IReadOnlyList<string> setCookies)
    {
        var pairs = setCookies
            .Select(c => c.Split(';', 2)[0].Trim())
            .Where(p => p.Contains('=', StringComparison.Ordinal))
            .GroupBy(p => p[..p.IndexOf('=', StringComparison.Ordinal)], StringComparer.Ordinal)
            .Select(g => g.Last());
        return string.Join("; ", pairs);
    }
}
