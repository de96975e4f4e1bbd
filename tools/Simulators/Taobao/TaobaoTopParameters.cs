using Microsoft.AspNetCore.Http;

namespace ServerlessSync.Simulators.Taobao;

/// <summary>
/// The parameters of one gateway call, merged as TOP accepts them: query string (GET, or the system parameters of the
/// official SDKs' POST) and <c>application/x-www-form-urlencoded</c> body. A name given twice keeps its first value.
/// </summary>
public static class TaobaoTopParameters
{
    /// <summary>TOP calls for trades are a few hundred bytes; a larger body is refused rather than read.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>The parameters, or null when the body is too large.</summary>
    public static async Task<Dictionary<string, string>?> ReadAsync(HttpRequest request)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in request.Query)
        {
            parameters.TryAdd(name, values[0] ?? "");
        }

        if (HttpMethods.IsPost(request.Method) && request.HasFormContentType)
        {
            if (request.ContentLength > MaxBodyBytes)
            {
                return null;
            }

            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            foreach (var (name, values) in form)
            {
                parameters.TryAdd(name, values[0] ?? "");
            }
        }

        return parameters;
    }
}
