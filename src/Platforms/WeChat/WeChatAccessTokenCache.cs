using System.Collections.Concurrent;

namespace ServerlessSync.Pipeline.Platforms.WeChat;

/// <summary>
/// Access tokens per app id, kept until shortly before they expire. One fetch per app at a time: a live burst starts
/// hundreds of order reads at once, and each <c>/cgi-bin/token</c> call would otherwise replace the token the others
/// are about to use.
/// </summary>
public sealed class WeChatAccessTokenCache(TimeProvider? timeProvider = null)
{
    /// <summary>Renew this long before expiry, so a call started with the token does not reach WeChat after it expired.</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);

    private sealed record Entry(string Token, DateTimeOffset RenewAt);

    private readonly TimeProvider time = timeProvider ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> gates = new(StringComparer.Ordinal);

    public async Task<string> GetAsync(
        string appId, Func<CancellationToken, Task<(string Token, TimeSpan ExpiresIn)>> fetch, CancellationToken cancellationToken)
    {
        if (Fresh(appId) is { } cached)
        {
            return cached;
        }

        var gate = gates.GetOrAdd(appId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(appId) is { } fetchedMeanwhile)
            {
                return fetchedMeanwhile;
            }

            var (token, expiresIn) = await fetch(cancellationToken);
            var margin = expiresIn > RenewBefore * 2 ? RenewBefore : expiresIn / 2;
            entries[appId] = new Entry(token, time.GetUtcNow() + expiresIn - margin);
            return token;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Forgets <paramref name="token"/> after WeChat refused it, unless a newer token already replaced it.</summary>
    public void Invalidate(string appId, string token)
    {
        if (entries.TryGetValue(appId, out var entry) && entry.Token == token)
        {
            entries.TryRemove(new KeyValuePair<string, Entry>(appId, entry));
        }
    }

    private string? Fresh(string appId) =>
        entries.TryGetValue(appId, out var entry) && time.GetUtcNow() < entry.RenewAt ? entry.Token : null;
}
