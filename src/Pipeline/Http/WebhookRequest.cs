using Microsoft.AspNetCore.Http;

namespace ServerlessSync.Pipeline.Http;

/// <summary>The parts of an inbound push a platform adapter needs: the exact raw bytes, headers and query.</summary>
public sealed record WebhookRequest(string Method, IReadOnlyDictionary<string, string> Headers, IReadOnlyDictionary<string, string> Query, byte[] Body, bool BodyTooLarge)
{
    /// <summary>Pushes are small (ids and a summary); anything bigger is refused before it is read whole.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var v) ? v : null;

    public string? QueryValue(string name) => Query.TryGetValue(name, out var v) ? v : null;

    public static async Task<WebhookRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
        var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
        if (request.ContentLength > MaxBodyBytes)
        {
            return new WebhookRequest(request.Method, headers, query, [], BodyTooLarge: true);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return new WebhookRequest(request.Method, headers, query, [], BodyTooLarge: true);
            }

            buffer.Write(chunk, 0, read);
        }

        return new WebhookRequest(request.Method, headers, query, buffer.ToArray(), BodyTooLarge: false);
    }
}
