using Microsoft.AspNetCore.Http;
using ServerlessSync.Pipeline.Audit;
using ServerlessSync.Pipeline.Http;

namespace ServerlessSync.Pipeline.Api;

/// <summary>Admin bodies (profiles, release requests) are small; a larger one is refused before it is read whole.</summary>
public static class AdminRequestBody
{
    public const int MaxBodyBytes = 4 * 1024 * 1024;

    /// <summary>Reads the body and hands it to <paramref name="handle"/>, or answers 413 without calling it.</summary>
    public static async Task<AdminOutcome> HandleAsync(HttpRequest request, Func<string, Task<AdminOutcome>> handle, CancellationToken cancellationToken) =>
        await ReadAsync(request, cancellationToken) is { } body
            ? await handle(body)
            : new AdminOutcome(HttpReply.Error(413, $"body exceeds {MaxBodyBytes} bytes"), "nothing (body too large)");

    public static async Task<string?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
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
