namespace ServerlessSync.Domain.Erp.YonBip;

/// <summary>What a client should do with a YonBIP answer.</summary>
public enum YonBipAnswerKind
{
    Success = 0,

    /// <summary>100004/10004: a save with this resubmitCheckKey succeeded over an hour ago; the order exists.</summary>
    Duplicate = 1,

    /// <summary>310036/310001: fetch a new token and repeat the call once; the gateway did not run it.</summary>
    TokenInvalid = 2,

    /// <summary>310032/310039/310042/310046: throttled; retry later.</summary>
    Throttled = 3,

    /// <summary>202 processing, 310043 circuit breaker, 310504 timeout: retry later (with the same key).</summary>
    Transient = 4,

    /// <summary>A business or parameter refusal: do not retry.</summary>
    Rejected = 5,
}
