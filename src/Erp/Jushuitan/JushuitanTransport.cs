using System.Net.Http.Headers;
using ServerlessSync.Domain.Erp.Jushuitan;

namespace ServerlessSync.Pipeline.Erp.Jushuitan;

/// <summary>
/// Posts one signed, form-encoded Jushuitan call and returns the body. Every failure to get an HTTP 2xx answer
/// (network, timeout, open circuit, 5xx) becomes <see cref="ErpTransientException"/>; codes are left to the caller.
/// </summary>
internal sealed class JushuitanTransport(IHttpClientFactory httpClientFactory, IOptions<JushuitanOptions> options, TimeProvider time)
{
    private readonly Uri _baseUrl = new(options.Value.BaseUrl, UriKind.Absolute);
    private readonly JushuitanCredentials _credentials = new(options.Value.AppKey, options.Value.AppSecret, options.Value.AccessToken);

    public async Task<JushuitanResponse> PostAsync(string clientName, string path, string biz, CancellationToken cancellationToken)
    {
        var api = ShortName(path);
        var fields = JushuitanRequest.Build(_credentials, biz, time.GetUtcNow().ToUnixTimeSeconds());
        using var content = new FormUrlEncodedContent(fields);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded") { CharSet = "UTF-8" };
        using var request = new HttpRequestMessage(HttpMethod.Post, JushuitanPaths.Url(_baseUrl, path)) { Content = content };
        var answer = await ErpHttp.SendAsync(httpClientFactory.CreateClient(clientName), request, "Jushuitan " + api, cancellationToken);
        return answer.IsSuccess
            ? JushuitanResponse.Parse(answer.Body)
            : throw new ErpTransientException($"Jushuitan {api} answered HTTP {(int)answer.Status}.");
    }

    /// <summary>The API's short name, e.g. <c>orders/upload</c> for <c>open/jushuitan/orders/upload</c>.</summary>
    public static string ShortName(string path)
    {
        foreach (var prefix in (string[])["open/jushuitan/", "open/"])
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal))
            {
                return path[prefix.Length..];
            }
        }

        return path;
    }
}
