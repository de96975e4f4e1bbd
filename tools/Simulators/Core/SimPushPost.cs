using System.Diagnostics;
using System.Text.Json;

namespace ServerlessSync.Simulators.Core;

/// <summary>What one push delivery got back. <see cref="StatusCode"/> is 0 when no HTTP answer came.</summary>
public sealed record SimPushDelivery(int StatusCode, double LatencyMs, bool Acked, string? Error);

/// <summary>
/// Delivers a platform's push to a webhook as the platform does: it waits at most the platform's timeout, and the answer
/// counts as an acknowledgement only when it is a 2xx whose body passes the platform's ack rule. A delivery that gets no
/// answer (refused connection, timeout) is a failed delivery, not an error of the simulator.
/// </summary>
public static class SimPushPost
{
    public static async Task<SimPushDelivery> SendAsync(
        HttpClient http, HttpRequestMessage request, TimeSpan timeout, Func<string, bool> isAck, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(isAck);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, deadline.Token);
            var body = await response.Content.ReadAsStringAsync(deadline.Token);
            var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            return new SimPushDelivery((int)response.StatusCode, latency, response.IsSuccessStatusCode && isAck(body), null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            return new SimPushDelivery(0, Stopwatch.GetElapsedTime(started).TotalMilliseconds, false, ex.GetType().Name);
        }
    }

    /// <summary>Whether <paramref name="body"/> is a JSON object whose <paramref name="property"/> is the number <paramref name="expected"/>.</summary>
    public static bool IsJsonAck(string body, string property, int expected)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object &&
                   document.RootElement.TryGetProperty(property, out var value) &&
                   value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number == expected;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
