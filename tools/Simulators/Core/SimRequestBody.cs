using System.Text;
using Microsoft.AspNetCore.Http;

namespace ServerlessSync.Simulators.Core;

/// <summary>Reads a request body as UTF-8 text up to a limit: open-API bodies are small, a larger one is refused rather than read.</summary>
public static class SimRequestBody
{
    /// <summary>The body, or null when it is (or declares itself) longer than <paramref name="maxBytes"/>.</summary>
    public static async Task<string?> ReadTextAsync(HttpRequest request, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
