using System.Net;
using ServerlessSync.Domain.Platforms.WeChat;

namespace ServerlessSync.Pipeline.Platforms.WeChat;

/// <summary>
/// Fetches an app's access token: <c>GET /cgi-bin/token?grant_type=client_credential&amp;appid=&amp;secret=</c> →
/// <c>{access_token, expires_in}</c>. The secret travels in the query (WeChat's design); HttpClientFactory's logging redacts
/// query strings, and nothing here logs the URI, the secret or the token.
/// </summary>
public sealed partial class WeChatTokenClient(HttpClient http, ILogger<WeChatTokenClient>? logger = null)
{
    public const string HttpClientName = "platform-wechat-token";

    private readonly ILogger logger = logger ?? NullLogger<WeChatTokenClient>.Instance;

    /// <exception cref="PlatformTransientException">Network failure, 5xx, system busy or over quota.</exception>
    /// <exception cref="PlatformRequestException">Bad app id or secret, or an unreadable answer.</exception>
    public async Task<(string Token, TimeSpan ExpiresIn)> FetchAsync(string apiBaseUrl, string appId, string appSecret, CancellationToken cancellationToken)
    {
        var uri = new Uri($"{apiBaseUrl.TrimEnd('/')}{WeChatApiPaths.Token}?grant_type={WeChatApiPaths.GrantType}" +
            $"&appid={Uri.EscapeDataString(appId)}&secret={Uri.EscapeDataString(appSecret)}");
        HttpStatusCode status;
        string body;
        try
        {
            using var response = await http.GetAsync(uri, cancellationToken);
            status = response.StatusCode;
            body = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or TimeoutException)
        {
            LogTransportFailure(this.logger, appId, ex.GetType().Name);
            throw new PlatformTransientException($"WeChat token for app {appId} failed in transport ({ex.GetType().Name}).", ex);
        }

        if ((int)status >= 500 || status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout)
        {
            throw new PlatformTransientException($"WeChat token for app {appId} answered HTTP {(int)status}.");
        }

        if ((int)status is < 200 or > 299)
        {
            throw new PlatformRequestException($"WeChat token for app {appId} answered HTTP {(int)status}.");
        }

        WeChatAccessTokenResult result;
        try
        {
            result = WeChatAccessTokenResult.Parse(body);
        }
        catch (WeChatResponseFormatException ex)
        {
            throw new PlatformRequestException($"WeChat token for app {appId} returned an unreadable answer: {ex.Message}", ex);
        }

        if (result.Error is { } error)
        {
            LogTokenError(this.logger, appId, error.ErrCode);
            var message = $"WeChat token for app {appId} failed: {error}.";
            throw error.IsTransient ? new PlatformTransientException(message) : new PlatformRequestException(message);
        }

        LogTokenFetched(this.logger, appId, (int)result.ExpiresIn.TotalSeconds);
        return (result.AccessToken!, result.ExpiresIn);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "WeChat access token fetched for app {AppId}, valid {ExpiresInSeconds} s")]
    private static partial void LogTokenFetched(ILogger logger, string appId, int expiresInSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeChat token for app {AppId} refused with errcode {ErrCode}")]
    private static partial void LogTokenError(ILogger logger, string appId, long errCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeChat token for app {AppId} failed in transport: {ExceptionType}")]
    private static partial void LogTransportFailure(ILogger logger, string appId, string exceptionType);
}
