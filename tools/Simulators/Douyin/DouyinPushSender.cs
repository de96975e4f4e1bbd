using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using ServerlessSync.Domain.Platforms.Douyin;

namespace ServerlessSync.Simulators.Douyin;

/// <summary>What one push delivery got back. <see cref="StatusCode"/> is 0 when no HTTP answer came.</summary>
public sealed record DouyinPushDelivery(int StatusCode, double LatencyMs, bool Acked, string? Error);

/// <summary>POSTs pushes to a webhook with the <c>app-id</c> and <c>event-sign</c> headers, like the platform does.</summary>
public sealed class DouyinPushSender(HttpClient http)
{
    /// <summary>抖店 expects an answer within about 5 s; anything slower than this counts as a failed delivery.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public async Task<DouyinPushDelivery> SendAsync(Uri webhook, DouyinPush push, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, webhook);
            request.Content = new ByteArrayContent(push.Body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(DouyinPushAck.ContentType);
            request.Headers.TryAddWithoutValidation(DouyinPushAck.AppIdHeader, push.AppId);
            request.Headers.TryAddWithoutValidation(DouyinPushAck.SignHeader, push.EventSign);
            using var response = await http.SendAsync(request, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var acked = response.IsSuccessStatusCode && IsSuccessAck(body);
            return new DouyinPushDelivery((int)response.StatusCode, latency, acked, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            return new DouyinPushDelivery(0, Stopwatch.GetElapsedTime(started).TotalMilliseconds, false, ex.GetType().Name);
        }
    }

    /// <summary>The receiver acknowledged with <c>{"code":0,...}</c>.</summary>
    public static bool IsSuccessAck(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object &&
                   document.RootElement.TryGetProperty("code", out var code) &&
                   code.ValueKind == JsonValueKind.Number && code.TryGetInt32(out var value) && value == 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
