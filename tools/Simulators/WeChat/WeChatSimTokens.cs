using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace ServerlessSync.Simulators.WeChat;

/// <summary>Access tokens the simulator issued and when each expires.</summary>
public sealed class WeChatSimTokens(WeChatSimulatorOptions options, TimeProvider time)
{
    public enum Check { Valid, Missing, Unknown, Expired }

    private readonly ConcurrentDictionary<string, DateTimeOffset> issued = new(StringComparer.Ordinal);
    private int issuedCount;

    /// <summary>How many tokens were issued since start (tests check that clients cache them).</summary>
    public int IssuedCount => Volatile.Read(ref issuedCount);

    public (string Token, int ExpiresIn) Issue()
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(96)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        issued[token] = time.GetUtcNow().AddSeconds(options.TokenLifetimeSeconds);
        Interlocked.Increment(ref issuedCount);
        foreach (var old in issued.Where(t => t.Value < time.GetUtcNow()).Select(t => t.Key).ToList())
        {
            issued.TryRemove(old, out _);
        }

        return (token, options.TokenLifetimeSeconds);
    }

    public Check Validate(string? token) =>
        string.IsNullOrEmpty(token) ? Check.Missing
        : !issued.TryGetValue(token, out var expires) ? Check.Unknown
        : expires <= time.GetUtcNow() ? Check.Expired
        : Check.Valid;

    /// <summary>Forgets every issued token, as when the secret is reset; clients then see 40001.</summary>
    public void RevokeAll() => issued.Clear();
}
