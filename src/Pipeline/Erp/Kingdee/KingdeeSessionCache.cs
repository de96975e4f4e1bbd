using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServerlessSync.Domain.Erp;
using ServerlessSync.Domain.Erp.Kingdee;

namespace ServerlessSync.Pipeline.Erp.Kingdee;

/// <summary>One shared LoginBySign session, logged in on first use and again after the server drops it.</summary>
internal sealed class KingdeeSessionCache(
    KingdeeTransport transport, IOptions<KingdeeOptions> options, TimeProvider time, ILogger<KingdeeSessionCache> logger) : IDisposable
{
    private readonly SemaphoreSlim _loginGate = new(1, 1);
    private KingdeeSession? _current;

    public async Task<KingdeeSession> GetAsync(CancellationToken cancellationToken)
    {
        var session = Volatile.Read(ref _current);
        if (session is not null)
        {
            return session;
        }

        await _loginGate.WaitAsync(cancellationToken);
        try
        {
            session = Volatile.Read(ref _current);
            if (session is null)
            {
                session = await LoginAsync(cancellationToken);
                Volatile.Write(ref _current, session);
            }

            return session;
        }
        finally
        {
            _loginGate.Release();
        }
    }

    /// <summary>Forgets the session unless another caller already replaced it.</summary>
    public void Invalidate(KingdeeSession stale) => Interlocked.CompareExchange(ref _current, null, stale);

    public void Dispose() => _loginGate.Dispose();

    private async Task<KingdeeSession> LoginAsync(CancellationToken cancellationToken)
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
