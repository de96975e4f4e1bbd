using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServerlessSync.Domain.Erp;
using ServerlessSync.Domain.Erp.Sap;

namespace ServerlessSync.Pipeline.Erp.Sap;

/// <summary>One shared CSRF token with its session cookies, fetched on first use and again after SAP refuses it.</summary>
internal sealed class SapCsrfSessionCache(SapTransport transport, IOptions<SapOptions> options, ILogger<SapCsrfSessionCache> logger) : IDisposable
{
    private readonly SemaphoreSlim _fetchGate = new(1, 1);
    private SapCsrfSession? _current;

    public async Task<SapCsrfSession> GetAsync(CancellationToken cancellationToken)
    {
        var session = Volatile.Read(ref _current);
        if (session is not null)
        {
            return session;
        }

        await _fetchGate.WaitAsync(cancellationToken);
        try
        {
            session = Volatile.Read(ref _current);
            if (session is null)
            {
                session = await FetchAsync(cancellationToken);
                Volatile.Write(ref _current, session);
            }

            return session;
        }
        finally
        {
            _fetchGate.Release();
        }
    }

    /// <summary>Forgets the token unless another caller already replaced it.</summary>
    public void Invalidate(SapCsrfSession stale) => Interlocked.CompareExchange(ref _current, null, stale);

    public void Dispose() => _fetchGate.Dispose();

    private async Task<SapCsrfSession> FetchAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var url = SapServices.ServiceRoot(transport.BaseUrl, SapServices.SalesOrder, o.Client);
        var answer = await transport.SendAsync(SapHttpClients.Read, HttpMethod.Get, url, null, SapCsrf.Fetch, null, "CSRF token fetch", cancellationToken);
        switch (answer.Kind)
        {
            case SapAnswerKind.Success:
                break;
            case SapAnswerKind.NotAuthorized:
                throw Transient($"the communication user {o.UserName} was refused ({answer.ErrorText()})");
            default:
                throw Transient(answer.ErrorText());
        }

        if (string.IsNullOrEmpty(answer.CsrfToken) || answer.CsrfToken.Equals(SapCsrf.Required, StringComparison.OrdinalIgnoreCase))
        {
            throw new ErpProtocolException("SAP answered the CSRF token fetch without a token.");
        }

        SapLog.TokenFetched(logger, transport.BaseUrl.AbsoluteUri, o.UserName);
        return new SapCsrfSession(answer.CsrfToken, SapCsrf.CookieHeader(answer.SetCookies));
    }

    private ErpTransientException Transient(string reason)
    {
        SapLog.Transient(logger, "CSRF token fetch", reason);
        return new ErpTransientException("SAP CSRF token fetch: " + reason);
    }
}
