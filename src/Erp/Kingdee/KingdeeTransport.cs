using System.Text;
using Microsoft.Extensions.Options;
using Polly;
using ServerlessSync.Domain.Erp;
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

        var client = httpClientFactory.CreateClient(clientName);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new ErpTransientException($"Kingdee {ShortName(service)} answered HTTP {(int)response.StatusCode}.");
            }

            var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
            return new KingdeeHttpAnswer(text, cookies);
        }
        catch (HttpRequestException ex)
        {
            throw new ErpTransientException($"Kingdee {ShortName(service)} could not be reached: {ex.Message}", ex);
        }
        catch (ExecutionRejectedException ex)
        {
            // Timeout or open circuit from the resilience pipeline.
            throw new ErpTransientException($"Kingdee {ShortName(service)} was not completed: {ex.Message}", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ErpTransientException($"Kingdee {ShortName(service)} timed out.", ex);
        }
    }

    public static string ShortName(string service) => service[(service.LastIndexOf('.') + 1)..];
}

internal sealed record KingdeeHttpAnswer(string Body, IReadOnlyList<string> SetCookies);
