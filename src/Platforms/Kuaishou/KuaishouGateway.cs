using System.Globalization;
using ServerlessSync.Domain.Platforms.Kuaishou;

namespace ServerlessSync.Pipeline.Platforms.Kuaishou;

/// <summary>
/// One signed GET to the 快手 gateway and the classification of what went wrong: network failures, 5xx, 408/429 and
/// throttling envelopes are transient; other HTTP errors and refusals are request errors. Logs and exception messages
/// carry the method, ids and codes only, never buyer data or secrets.
/// </summary>
internal static partial class KuaishouGateway
{
    /// <summary>The answer body of a 2xx response.</summary>
    public static async Task<string> GetAsync(
        HttpClient http, KuaishouOptions settings, string shopId, string method, object businessParams, DateTimeOffset now,
        string subject, ILogger logger, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(settings.ApiBaseUrl) || string.IsNullOrWhiteSpace(settings.AppKey) || string.IsNullOrWhiteSpace(settings.SignSecret))
        {
            throw new PlatformRequestException($"{KuaishouOptions.SectionName} needs ApiBaseUrl, AppKey and SignSecret.");
        }

        if (!KuaishouApiSigner.IsKnownSignMethod(settings.SignMethod))
        {
            throw new PlatformRequestException($"{KuaishouOptions.SectionName}:SignMethod must be {KuaishouApiSigner.HmacSha256} or {KuaishouApiSigner.Md5}.");
        }

        var signed = KuaishouApiSigner.BuildRequest(
            settings.AppKey, settings.SignSecret, settings.AccessTokenFor(shopId), method, businessParams, now, settings.SignMethod);
        var uri = new Uri(settings.ApiBaseUrl.TrimEnd('/') + signed.PathAndQuery);

        return await PlatformHttp.SendAsync(http, () => new HttpRequestMessage(HttpMethod.Get, uri), "Kuaishou", method, subject, logger, cancellationToken);
    }

    /// <summary>A write whose <c>data</c> is not needed (note, delivery, stock change): sent once, a refusal turned into the exception the ports promise.</summary>
    public static async Task WriteAsync(
        HttpClient http, KuaishouOptions settings, string shopId, string method, object businessParams, DateTimeOffset now,
        string subject, ILogger logger, CancellationToken cancellationToken)
    {
        var body = await GetAsync(http, settings, shopId, method, businessParams, now, subject, logger, cancellationToken);
        KuaishouApiError? error;
        try
        {
            error = KuaishouWriteAnswer.ErrorOf(body);
        }
        catch (FormatException ex)
        {
            throw Unreadable(ex, method, subject);
        }

        if (error is not null)
        {
            throw Refused(error, method, subject, logger);
        }
    }

    public static Exception Refused(KuaishouApiError error, string method, string subject, ILogger logger)
    {
        LogApiError(logger, method, subject, error.Result, error.Code, error.SubCode);
        var message = $"Kuaishou {method} for {subject} failed: {error}.";
        return error.IsTransient ? new PlatformTransientException(message) : new PlatformRequestException(message);
    }

    /// <summary>An id or code 快手 takes as a JSON number; <paramref name="what"/> names it in the refusal.</summary>
    public static long Number(string text, string what) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new PlatformRequestException($"Kuaishou {what} is not a number.");

    public static PlatformRequestException Unreadable(Exception ex, string method, string subject) =>
        new($"Kuaishou {method} for {subject} returned an unreadable answer: {ex.Message}", ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kuaishou {Method} for {Subject} returned result {Result} code {Code} sub_code {SubCode}")]
    private static partial void LogApiError(ILogger logger, string method, string subject, long result, string? code, string? subCode);
}
