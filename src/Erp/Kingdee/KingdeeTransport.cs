using System.Text;
using ServerlessSync.Domain.Erp.Kingdee;

namespace ServerlessSync.Pipeline.Erp.Kingdee;

/// <summary>
/// Posts one K/3 Cloud call and returns the body. Every failure to get an HTTP 2xx answer (network, timeout, open
/// circuit, 5xx, the gateway's 519) becomes <see cref="ErpTransientException"/>; business answers are left to the caller.
/// </summary>
internal sealed class KingdeeTransport(IHttpClientFactory httpClientFactory, IOptions<KingdeeOptions> options)
{
    private readonly Uri _baseUrl = new(options.Value.BaseUrl, UriKind.Absolute);

    public string BaseUrl => _baseUrl.AbsoluteUri;

    public async Task<KingdeeHttpAnswer> PostAsync(
        string clientName, string service, string body, KingdeeSession? session, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, KingdeeServices.Url(_baseUrl, service))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (session is not null)
        {
            request.Headers.TryAddWithoutValidation(KingdeeSession.HeaderName, session.SessionId);
            if (session.CookieHeader.Length > 0)
            {
                request.Headers.TryAddWithoutValidation("Cookie", session.CookieHeader);
            }
        }

        var answer = await ErpHttp.SendAsync(httpClientFactory.CreateClient(clientName), request, "Kingdee " + ShortName(service), cancellationToken);
        return answer.IsSuccess
            ? new KingdeeHttpAnswer(answer.Body, answer.HeaderValues("Set-Cookie"))
            : throw new ErpTransientException($"Kingdee {ShortName(service)} answered HTTP {(int)answer.Status}.");
    }

    public static string ShortName(string service) => service[(service.LastIndexOf('.') + 1)..];
}

internal sealed record KingdeeHttpAnswer(string Body, IReadOnlyList<string> SetCookies);
