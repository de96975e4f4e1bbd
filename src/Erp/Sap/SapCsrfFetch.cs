using ServerlessSync.Domain.Erp.Sap;

namespace ServerlessSync.Pipeline.Erp.Sap;

/// <summary>The CSRF token fetch: the token and its session cookies the connector's <see cref="ErpCredentialCache{T}"/> holds until SAP refuses them.</summary>
internal sealed class SapCsrfFetch(SapTransport transport, IOptions<SapOptions> options, ILogger<SapCsrfFetch> logger)
{
    public async Task<SapCsrfSession> FetchAsync(CancellationToken cancellationToken)
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
        ErpConnectorLog.Transient(logger, SapConnector.ConnectorKind, "CSRF token fetch", reason);
        return new ErpTransientException("SAP CSRF token fetch: " + reason);
    }
}
