using System.Text;
using ServerlessSync.Domain.Platforms.Taobao;

namespace ServerlessSync.Pipeline.Platforms.Taobao;

/// <summary>
/// Sends one signed TOP call for a shop: every parameter as an <c>application/x-www-form-urlencoded</c> POST to the
/// gateway, signed with the app secret and carrying the shop's session key. Network failures, timeouts, 5xx, 408 and 429
/// become <see cref="PlatformTransientException"/>; any other non-2xx a <see cref="PlatformRequestException"/>.
/// </summary>
internal sealed class TaobaoGateway(HttpClient http, TaobaoOptions settings, TimeProvider time, ILogger logger)
{
    /// <returns>The answer body, to be read as a TOP envelope.</returns>
    public async Task<string> CallAsync(string method, string shopId, IReadOnlyDictionary<string, string> business, string subject, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(settings.ApiBaseUrl, UriKind.Absolute, out var gatewayUri) ||
            string.IsNullOrWhiteSpace(settings.AppKey) || string.IsNullOrWhiteSpace(settings.AppSecret))
        {
            throw new PlatformRequestException($"{TaobaoOptions.SectionName} needs an absolute ApiBaseUrl, AppKey and AppSecret.");
        }

        TaobaoTopRequest request;
        try
        {
            request = TaobaoTopRequest.Build(
                settings.AppKey, settings.AppSecret, settings.SessionKeyFor(shopId), method, business, time.GetUtcNow(), settings.SignMethod);
        }
        catch (ArgumentException ex)
        {
            throw new PlatformRequestException($"Taobao {method} for {subject} cannot be signed: {ex.Message}", ex);
        }

        return await PlatformHttp.SendAsync(
            http,
            () => new HttpRequestMessage(HttpMethod.Post, gatewayUri) { Content = new StringContent(request.FormBody, Encoding.UTF8, "application/x-www-form-urlencoded") },
            "Taobao", method, subject, logger, cancellationToken);
    }

    /// <summary>Turns a TOP error response into the exception the ports promise: transient for throttling and platform-side failures.</summary>
    public Exception Fail(string method, string subject, TaobaoApiError error)
    {
        TaobaoLog.ApiError(logger, method, subject, error.Code, error.SubCode, error.RequestId);
        var message = $"Taobao {method} for {subject} failed: {error}.";
        return error.IsTransient ? new PlatformTransientException(message) : new PlatformRequestException(message);
    }

    /// <summary>A write call (memo, delivery): sent once, its error envelope turned into the exception the ports promise.</summary>
    public async Task WriteAsync(string method, string shopId, IReadOnlyDictionary<string, string> business, string subject, CancellationToken cancellationToken)
    {
        var body = await CallAsync(method, shopId, business, subject, cancellationToken);
        TaobaoApiError? error;
        try
        {
            error = TaobaoWriteAnswer.ErrorOf(body, method);
        }
        catch (FormatException ex)
        {
            throw Unreadable(method, subject, ex);
        }

        if (error is not null)
        {
            throw Fail(method, subject, error);
        }
    }

    public static PlatformRequestException Unreadable(string method, string subject, Exception ex) =>
        new($"Taobao {method} for {subject} returned an unreadable answer: {ex.Message}", ex);
}
