using System.Collections.Concurrent;

namespace ServerlessSync.Simulators.YonBip;

/// <summary>Access tokens handed out by getAccessToken, each valid for the configured lifetime.</summary>
public sealed class YonBipSimTokens
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _issued = new(StringComparer.Ordinal);

    public enum Verdict { Valid, Missing, Invalid }

    public string Issue(DateTimeOffset now)
    {
        var token = Guid.NewGuid().ToString("N");
        _issued[token] = now;
        return token;
    }

    public Verdict Check(string? token, DateTimeOffset now, TimeSpan lifetime)
    {
        if (string.IsNullOrEmpty(token))
        {
            return Verdict.Missing;
        }

        return _issued.TryGetValue(token, out var issuedAt) && now - issuedAt < lifetime ? Verdict.Valid : Verdict.Invalid;
    }

    public int Count => _issued.Count;

    /// <summary>Invalidates every token, as a tenant-side revocation would.</summary>
    public void DropAll() => _issued.Clear();
}
