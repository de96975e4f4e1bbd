using System.Text;
using ServerlessSync.Domain.Platforms.Douyin;

namespace ServerlessSync.Pipeline.Platforms.Douyin;

/// <summary>
/// One signed POST to the 抖店 open API (<c>param_json</c> as the body, the signed system parameters in the query) and
/// the classification of what went wrong: network failures, 5xx, 408/429 and throttling or service-error envelopes are
/// transient; other HTTP errors and refusals are request errors. Logs and messages carry the method, ids and codes only.
/// </summary>
internal static partial class DouyinGateway
{
    /// <summary>The answer body of a 2xx response.</summary>
    public static async Task<string> PostAsync(
        HttpClient http, DouyinApiOptions settings, string shopId, string path, object businessParams, DateTimeOffset now,
        string subject, ILogger logger, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(settings.ApiBaseUrl) || string.IsNullOrWhiteSpace(settings.AppKey) || string.IsNullOrWhiteSpace(settings.AppSecret))
        {
            throw new PlatformRequestException($"{DouyinApiOptions.SectionName} needs ApiBaseUrl, AppKey and AppSecret.");
        }

        var signed = DouyinApiSigner.BuildRequest(settings.AppKey, settings.AppSecret, settings.AccessTokenFor(shopId), path, businessParams, now);
        var uri = new Uri(settings.ApiBaseUrl.TrimEnd('/') + signed.PathAndQuery);
        var method = signed.Method;

        return await PlatformHttp.SendAsync(
            http,
            () => new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent(signed.Body, Encoding.UTF8, "application/json") },
            "Douyin", method, subject, logger, cancellationToken);
    }

    /// <summary>A call whose answer only says whether it worked (a write): a refusal in the envelope throws as <see cref="Refused"/> does.</summary>
    public static async Task CallAsync(
        HttpClient http, DouyinApiOptions settings, string shopId, string path, object businessParams, DateTimeOffset now,
        string subject, ILogger logger, CancellationToken cancellationToken)
    {
        var body = await PostAsync(http, settings, shopId, path, businessParams, now, subject, logger, cancellationToken);
        DouyinApiError? error;
        try
        {
            error = DouyinEnvelope.ErrorOf(body);
        }
        catch (FormatException ex)
        {
            throw new PlatformRequestException($"Douyin {DouyinApiSigner.MethodFromPath(path)} for {subject} returned an unreadable answer: {ex.Message}", ex);
        }

        if (error is not null)
        {
            throw Refused(error, path, subject, logger);
        }
    }

    public static Exception Refused(DouyinApiError error, string path, string subject, ILogger logger)
    {
        var method = DouyinApiSigner.MethodFromPath(path);
        LogApiError(logger, method, subject, error.Code, error.SubCode, error.LogId);
        var message = $"Douyin {method} for {subject} failed: {error}.";
        return error.IsTransient ? new PlatformTransientException(message) : new PlatformRequestException(message);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Douyin {Method} for {Subject} returned code {Code} sub_code {SubCode} log_id {LogId}")]
    private static partial void LogApiError(ILogger logger, string method, string subject, long code, string? subCode, string? logId);
}
