namespace ServerlessSync.Domain.Erp.Kingdee;

/// <summary>What a client should do with a K/3 Cloud answer.</summary>
public enum KingdeeAnswerKind
{
    Success = 0,

    /// <summary>MsgCode 1: log in again and repeat the call once; the server did not run it.</summary>
    SessionLost = 1,

    /// <summary>MsgCode 14: the call limit was hit; retry later.</summary>
    Throttled = 2,

    /// <summary>Database failure or network-control conflict: retry later.</summary>
    Transient = 3,

    /// <summary>A business refusal (validation, missing base data, not operable...): do not retry.</summary>
    Rejected = 4,
}
