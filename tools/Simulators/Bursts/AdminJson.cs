using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ServerlessSync.Simulators.Bursts;

/// <summary>JSON reading and writing shared by the simulators' <c>/_sim</c> admin endpoints.</summary>
public static class AdminJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>The body as <typeparamref name="T"/>; null when it is not valid JSON for it.</summary>
    public static async Task<T?> ReadAsync<T>(HttpRequest request)
        where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, Options, request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
