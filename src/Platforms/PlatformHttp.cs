using System.Net;

namespace ServerlessSync.Pipeline.Platforms;

/// <summary>
/// Sends one platform API request and classifies what went wrong, the same for every platform: a network failure or
/// timeout, HTTP 5xx, 408 and 429 are transient; any other non-2xx answer is a request error. Logs and exception
/// messages carry the platform, the call and the subject only, never buyer data or secrets.
/// </summary>
internal static partial class PlatformHttp
{
    /// <summary>The answer body of a 2xx response.</summary>
    /// <param name="call">The API method or path, as the messages name it.</param>
    public static async Task<string> SendAsync(
        HttpClient http, Func<HttpRequestMessage> request, string platform, string call, string subject, ILogger logger, CancellationToken cancellationToken)
    {
        HttpStatusCode status;
        string body;
        try
        {
            using var message = request();
            using var response = await http.SendAsync(message, cancellationToken);
            status = response.StatusCode;
            body = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or TimeoutException)
        {
            // An HttpClient timeout surfaces as TaskCanceledException without our token being cancelled.
            LogTransportFailure(logger, platform, call, subject, ex.GetType().Name);
            throw new PlatformTransientException($"{platform} {call} for {subject} failed in transport ({ex.GetType().Name}).", ex);
        }

        if ((int)status is >= 200 and <= 299)
        {
            return body;
        }

        LogHttpFailure(logger, platform, call, subject, (int)status);
        var failure = $"{platform} {call} for {subject} answered HTTP {(int)status}.";
        throw (int)status >= 500 || status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout
            ? new PlatformTransientException(failure)
            : new PlatformRequestException(failure);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Platform} {Call} for {Subject} answered HTTP {StatusCode}")]
    private static partial void LogHttpFailure(ILogger logger, string platform, string call, string subject, int statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Platform} {Call} for {Subject} failed in transport: {ExceptionType}")]
    private static partial void LogTransportFailure(ILogger logger, string platform, string call, string subject, string exceptionType);
}
