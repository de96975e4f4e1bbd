using System.Net;
using System.Net.Http.Headers;
using Polly;

namespace ServerlessSync.Pipeline.Erp;

/// <summary>
/// Sends one ERP call and reads its answer. Every failure to get an HTTP answer at all (network, timeout, open circuit)
/// becomes <see cref="ErpTransientException"/> naming the call; what the status and body mean is left to the connector.
/// </summary>
internal static class ErpHttp
{
    public static async Task<ErpHttpAnswer> SendAsync(HttpClient client, HttpRequestMessage request, string call, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return new ErpHttpAnswer(response.StatusCode, body, response.Headers);
        }
        catch (HttpRequestException ex)
        {
            throw new ErpTransientException($"{call} could not be reached: {ex.Message}", ex);
        }
        catch (ExecutionRejectedException ex)
        {
            // Timeout or open circuit from the resilience pipeline.
            throw new ErpTransientException($"{call} was not completed: {ex.Message}", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ErpTransientException($"{call} timed out.", ex);
        }
    }
}

/// <summary>An ERP's HTTP answer: status, body as text and the response headers.</summary>
internal sealed record ErpHttpAnswer(HttpStatusCode Status, string Body, HttpResponseHeaders Headers)
{
    public bool IsSuccess => (int)Status is >= 200 and <= 299;

    public IReadOnlyList<string> HeaderValues(string name) => Headers.TryGetValues(name, out var values) ? values.ToList() : [];
}
