using System.Net.Http.Headers;
using System.Text;
using ServerlessSync.Domain.Erp.Sap;

namespace ServerlessSync.Pipeline.Erp.Sap;

/// <summary>
/// Sends one OData call with the communication user's Basic credentials and returns status, body, CSRF header and cookies.
/// Every failure to get an HTTP answer at all (network, timeout, open circuit) becomes <see cref="ErpTransientException"/>;
/// what the status means is left to the caller.
/// </summary>
internal sealed class SapTransport(IHttpClientFactory httpClientFactory, IOptions<SapOptions> options)
{
    private readonly Uri _baseUrl = new(options.Value.BaseUrl, UriKind.Absolute);
    private readonly AuthenticationHeaderValue _authorization = new(
        "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(options.Value.UserName + ":" + options.Value.Password)));

    public Uri BaseUrl => _baseUrl;

    public Task<SapHttpAnswer> SendAsync(
        string clientName, HttpMethod method, Uri url, string? jsonBody, string? csrfToken, string? cookieHeader, string operation,
        CancellationToken cancellationToken) =>
        SendAsync(clientName, method, url, jsonBody, csrfToken, cookieHeader, null, operation, cancellationToken);

    /// <summary>As above, with <c>If-Match</c> (an entity's ETag) when <paramref name="ifMatch"/> is set.</summary>
    public async Task<SapHttpAnswer> SendAsync(
        string clientName, HttpMethod method, Uri url, string? jsonBody, string? csrfToken, string? cookieHeader, string? ifMatch, string operation,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, url);
        if (!string.IsNullOrEmpty(ifMatch))
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        request.Headers.Authorization = _authorization;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (jsonBody is not null)
        {
            request.Content = new StringContent(jsonBody, Encoding.UTF8, "application/json");
        }

        if (csrfToken is not null)
        {
            request.Headers.TryAddWithoutValidation(SapCsrf.HeaderName, csrfToken);
        }

        if (!string.IsNullOrEmpty(cookieHeader))
        {
            request.Headers.TryAddWithoutValidation("Cookie", cookieHeader);
        }

        var answer = await ErpHttp.SendAsync(httpClientFactory.CreateClient(clientName), request, "SAP " + operation, cancellationToken);
        return new SapHttpAnswer((int)answer.Status, answer.Body, answer.HeaderValues(SapCsrf.HeaderName).FirstOrDefault(), answer.HeaderValues("Set-Cookie"));
    }
}

internal sealed record SapHttpAnswer(int Status, string Body, string? CsrfToken, IReadOnlyList<string> SetCookies)
{
    public SapAnswerKind Kind => SapAnswerClassifier.Classify(Status, CsrfToken);

    /// <summary>The OData error text, else the status and the start of whatever the gateway or a proxy answered.</summary>
    public string ErrorText()
    {
        if (SapODataError.TryParse(Body) is { } error)
        {
            return $"HTTP {Status} {error.Text()}";
        }

        var snippet = Body.Length > 200 ? Body[..200] + "…" : Body;
        return string.IsNullOrWhiteSpace(snippet) ? $"HTTP {Status}" : $"HTTP {Status}: {snippet.Trim()}";
    }
}
