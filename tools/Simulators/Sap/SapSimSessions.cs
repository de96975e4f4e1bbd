using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace ServerlessSync.Simulators.Sap;

/// <summary>
/// ICF sessions opened by a CSRF token fetch. A session is named by the SAP_SESSIONID cookie and holds the token and the
/// value of the sap-XSRF cookie; a POST must present all three. Sessions expire after an idle time.
/// </summary>
public sealed class SapSimSessions
{
    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);

    public sealed record Session(string Id, string Token, string Xsrf)
    {
        public DateTimeOffset LastUsed { get; set; }
    }

    public Session Issue(DateTimeOffset now)
    {
        var session = new Session(RandomText(32), Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)), RandomText(24)) { LastUsed = now };
        _sessions[session.Id] = session;
        return session;
    }

    /// <summary>The live session a SAP_SESSIONID cookie names (touching it), or null.</summary>
    public Session? Find(string? sessionId, DateTimeOffset now, TimeSpan idleLimit)
    {
        if (string.IsNullOrEmpty(sessionId) || !_sessions.TryGetValue(sessionId, out var session))
        {
            return null;
        }

        if (now - session.LastUsed > idleLimit)
        {
            _sessions.TryRemove(sessionId, out _);
            return null;
        }

        session.LastUsed = now;
        return session;
    }

    public int Count => _sessions.Count;

    /// <summary>Ends every session, as a logoff, a server restart or an idle expiry would; their tokens stop working.</summary>
    public void DropAll() => _sessions.Clear();

    private static string RandomText(int length) => Convert.ToHexString(RandomNumberGenerator.GetBytes(length / 2));
}
