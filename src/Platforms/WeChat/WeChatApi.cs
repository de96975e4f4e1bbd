using System.Text;
using System.Text.Json;
using ServerlessSync.Domain.Platforms.WeChat;

namespace ServerlessSync.Pipeline.Platforms.WeChat;

/// <summary>
/// One shop's authenticated WeChat API calls: <c>POST {ApiBaseUrl}{path}?access_token=</c> with a JSON body. Fetches and
/// caches the shop app's access token, and when WeChat refuses a cached token (40001/40014/42001) fetches a new one
/// and calls once more. Classifies every failure; the token never appears in logs or messages.
/// </summary>
public sealed partial class WeChatApi(
    HttpClient http,
    IOptions<WeChatOptions> options,
    WeChatTokenClient tokens,
    WeChatAccessTokenCache cache,
    ILogger<WeChatApi>? logger = null)
{
    public const string HttpClientName = "platform-wechat";

    private readonly ILogger logger = logger ?? NullLogger<WeChatApi>.Instance;

    /// <summary>Calls <paramref name="path"/> for <paramref name="shopId"/>; returns the body of a successful (errcode 0) answer.</summary>
    /// <param name="subject">What the call is about (instance id, shop), for logs and messages.</param>
    /// <exception cref="PlatformTransientException">Network failure, 5xx, system busy or over quota.</exception>
    /// <exception cref="PlatformRequestException">Missing settings, refused credentials or request, unreadable answer.</exception>
    public async Task<string> PostAsync(string shopId, string path, string jsonBody, string subject, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var (appId, appSecret) = settings.CredentialsFor(shopId);
        var fixedToken = settings.FixedAccessTokenFor(shopId);
        if (string.IsNullOrWhiteSpace(settings.ApiBaseUrl) || (fixedToken is null && (string.IsNullOrWhiteSpace(appId) || string.IsNullOrWhiteSpace(appSecret))))
        {
            throw new PlatformRequestException($"{WeChatOptions.SectionName} needs ApiBaseUrl and, for shop {shopId}, AppId and AppSecret or an AccessToken.");
        }

        for (var attempt = 1; ; attempt++)
        {
            var token = fixedToken ?? await cache.GetAsync(
                appId, ct => tokens.FetchAsync(settings.ApiBaseUrl, appId, appSecret, ct), cancellationToken);
            var uri = new Uri($"{settings.ApiBaseUrl.TrimEnd('/')}{path}?{WeChatApiPaths.AccessTokenParam}={Uri.EscapeDataString(token)}");
            var body = await SendAsync(uri, jsonBody, path, subject, cancellationToken);
            var error = ReadError(body, path, subject);
            if (error is null)
            {
                return body;
            }

            LogApiError(logger, path, subject, error.ErrCode, attempt);
            if (error.IsTokenRejected && fixedToken is null && attempt == 1)
            {
                cache.Invalidate(appId, token);
                continue;
            }

            var message = $"WeChat {path} for {subject} failed: {error}.";
            throw error.IsTransient ? new PlatformTransientException(message) : new PlatformRequestException(message);
        }
    }

    private Task<string> SendAsync(Uri uri, string jsonBody, string path, string subject, CancellationToken cancellationToken) =>
        PlatformHttp.SendAsync(
            http,
            () => new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent(jsonBody, Encoding.UTF8, "application/json") },
            "WeChat", path, subject, logger, cancellationToken);

    private static WeChatApiError? ReadError(string body, string path, string subject)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? WeChatApiError.From(document.RootElement)
                : throw new PlatformRequestException($"WeChat {path} for {subject} answered something other than a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new PlatformRequestException($"WeChat {path} for {subject} answered invalid JSON.", ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeChat {Path} for {Subject} returned errcode {ErrCode} (attempt {Attempt})")]
    private static partial void LogApiError(ILogger logger, string path, string subject, long errCode, int attempt);
}
