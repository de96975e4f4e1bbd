using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using ServerlessSync.Domain.Platforms.Kuaishou;

namespace ServerlessSync.Simulators.Kuaishou;

/// <summary>What one push delivery got back. <see cref="StatusCode"/> is 0 when no HTTP answer came.</summary>
public sealed record KuaishouPushDelivery(int StatusCode, double LatencyMs, bool Acked, string? Error);

/// <summary>POSTs pushes (the raw Base64 body, no signature header) to a webhook, like the platform does.</summary>
public sealed class KuaishouPushSender(HttpClient http)
{
    /// <summary>The e-shop's push timeout is not documented; anything slower than this counts as a failed delivery.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public async Task<KuaishouPushDelivery> SendAsync(Uri webhook, KuaishouPush push, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, webhook);
            request.Content = new ByteArrayContent(push.Body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(KuaishouPushAck.PushContentType);
            using var response = await http.SendAsync(request, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            return new KuaishouPushDelivery((int)response.StatusCode, latency, response.IsSuccessStatusCode && IsSuccessAck(body), null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            return new KuaishouPushDelivery(0, Stopwatch.GetElapsedTime(started).TotalMilliseconds, false, ex.GetType().Name);
        }
    }

    /// <summary>The receiver acknowledged with <c>{"result":1}</c>.</summary>
    public static bool IsSuccessAck(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object &&
                   document.RootElement.TryGetProperty("result", out var result) &&
                   result.ValueKind == JsonValueKind.Number && result.TryGetInt32(out var value) && value == 1;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
