using System.Collections.Concurrent;

namespace ServerlessSync.Simulators.Kingdee;

/// <summary>Sessions handed out by LoginBySign. Dropping them makes every later call answer MsgCode 1.</summary>
public sealed class KingdeeSimSessions
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _sessions = new(StringComparer.Ordinal);

    public string Issue(DateTimeOffset now)
    {
        var id = Guid.NewGuid().ToString("N");
        _sessions[id] = now;
        return id;
    }

    public bool IsValid(string? sessionId) => !string.IsNullOrEmpty(sessionId) && _sessions.ContainsKey(sessionId);

    public int Count => _sessions.Count;

    /// <summary>Forgets every session, as a server restart or an idle expiry would.</summary>
    public void DropAll() => _sessions.Clear();
}
