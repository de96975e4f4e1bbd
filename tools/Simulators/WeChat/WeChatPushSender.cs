using System.Diagnostics;
using System.Net.Http.Headers;

namespace ServerlessSync.Simulators.WeChat;

/// <summary>What one delivery got back. <see cref="StatusCode"/> is 0 when no HTTP answer came.</summary>
public sealed record WeChatPushDelivery(int StatusCode, double LatencyMs, bool Acked, string? Error);

/// <summary>POSTs pushes to a webhook (query string + JSON body) like WeChat does, and makes the URL-verification GET.</summary>
public sealed class WeChatPushSender(HttpClient http)
{
    /// <summary>WeChat waits at most 5 s for an answer; anything slower counts as a failed delivery.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<WeChatPushDelivery> SendAsync(Uri webhook, WeChatPush push, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, WithQuery(webhook, push.Query));
            request.Content = new ByteArrayContent(push.Body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await http.SendAsync(request, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            return new WeChatPushDelivery((int)response.StatusCode, latency, response.IsSuccessStatusCode && IsSuccessAck(body), null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            return new WeChatPushDelivery(0, Stopwatch.GetElapsedTime(started).TotalMilliseconds, false, ex.GetType().Name);
        }
    }

    /// <summary>"Reply success or an empty string".</summary>
    public static bool IsSuccessAck(string body) => body.Trim() is "success" or "";

    public static Uri WithQuery(Uri webhook, string query) =>
        new(webhook.AbsoluteUri + (string.IsNullOrEmpty(webhook.Query) ? "?" : "&") + query);
}
