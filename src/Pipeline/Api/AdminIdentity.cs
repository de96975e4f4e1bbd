using Microsoft.AspNetCore.Http;

namespace ServerlessSync.Pipeline.Api;

/// <summary>Who made an admin change, for the audit log.</summary>
public static class AdminIdentity
{
    /// <summary>The App Service authentication (Entra ID) principal in Azure; the function key's holder or the local user otherwise.</summary>
    public static string Of(HttpRequest request) =>
        request.Headers["X-MS-CLIENT-PRINCIPAL-NAME"].FirstOrDefault() is { Length: > 0 } principal ? principal
        : request.Query.ContainsKey("code") || request.Headers.ContainsKey("x-functions-key") ? "function-key"
        : $"local:{Environment.UserName}";

    /// <summary>Admin bodies (profiles, release requests) are small; a larger one is refused before it is read whole.</summary>
    public const int MaxBodyBytes = 4 * 1024 * 1024;

    public static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var reader = new StreamReader(request.Body);
        var buffer = new char[MaxBodyBytes + 1];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
        return read > MaxBodyBytes ? null : new string(buffer, 0, read);
    }
}
