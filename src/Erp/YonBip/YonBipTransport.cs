using System.Net;
using System.Text;
using ServerlessSync.Domain.Erp.YonBip;

namespace ServerlessSync.Pipeline.Erp.YonBip;

/// <summary>
/// Sends one YonBIP call and returns the body. Every failure to get an answer (network, timeout, open circuit, 5xx)
/// becomes <see cref="ErpTransientException"/>; an unregistered path (HTTP 404, code 310404) is a configuration error.
/// Auth failures arrive as HTTP 200 and are left to the caller, as are business answers.
/// </summary>
internal sealed class YonBipTransport(IHttpClientFactory httpClientFactory, IOptions<YonBipOptions> options)
{
    private readonly Uri _gateway = options.Value.GatewayUri;
    private readonly Uri _tokenBase = options.Value.TokenUri;

    public string GatewayUrl => _gateway.AbsoluteUri;

    public Task<string> GetTokenAsync(string query, CancellationToken cancellationToken) =>
        SendAsync(YonBipHttpClients.Read, HttpMethod.Get, YonBipPaths.Url(_tokenBase, YonBipPaths.AccessToken, query), null, "getAccessToken", cancellationToken);

    public Task<string> PostAsync(string clientName, string path, string accessToken, string body, CancellationToken cancellationToken) =>
        SendAsync(clientName, HttpMethod.Post, YonBipPaths.Url(_gateway, path, YonBipPaths.TokenQuery(accessToken)), body, ShortName(path), cancellationToken);

    public Task<string> GetAsync(string path, string accessToken, (string Name, string Value) parameter, CancellationToken cancellationToken) =>
        SendAsync(YonBipHttpClients.Read, HttpMethod.Get, YonBipPaths.Url(_gateway, path, YonBipPaths.TokenQuery(accessToken, parameter)), null, ShortName(path), cancellationToken);

    public static string ShortName(string path) => path[(path.LastIndexOf('/') + 1)..];

    private async Task<string> SendAsync(string clientName, HttpMethod method, Uri url, string? body, string api, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        var answer = await ErpHttp.SendAsync(httpClientFactory.CreateClient(clientName), request, "YonBIP " + api, cancellationToken);
        if (answer.Status == HttpStatusCode.NotFound)
        {
            throw new ErpProtocolException($"YonBIP {api} is not a registered path (HTTP 404): check Erp:YonBip:BaseUrl.");
        }

        return answer.IsSuccess || answer.Body.Contains(YonBipCodes.TokenInvalidMessage, StringComparison.Ordinal)
            ? answer.Body
            : throw new ErpTransientException($"YonBIP {api} answered HTTP {(int)answer.Status}.");
    }
}
