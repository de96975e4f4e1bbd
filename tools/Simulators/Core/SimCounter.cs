namespace ServerlessSync.Simulators.Core;

/// <summary>What a simulator counts besides calls: its refusals and injected faults. Each ERP reports the ones it can produce.</summary>
public enum SimCounter
{
    /// <summary>Refused over the rate (or, where the ERP answers both alike, over the concurrency cap).</summary>
    Throttled,

    /// <summary>Refused over the concurrency cap where the ERP answers that differently from throttling (SAP's 503).</summary>
    Overloaded,
    TransientFailures,
    CommitThenTimeouts,
    SlowCommits,
    BusinessRejects,
    SessionRejections,
    CsrfRejections,
    AuthFailures,
    TokenFetches,
}
