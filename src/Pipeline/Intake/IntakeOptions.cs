using ServerlessSync.Pipeline.Configuration;
namespace ServerlessSync.Pipeline.Intake;

public sealed class IntakeOptions
{
    public const string SectionName = "Intake";

    /// <summary>How long an event waits before it is tried again while its order's instance is still running.</summary>
    public int BusyRetryDelaySeconds { get; set; } = 5;

    /// <summary>Tries before a message is moved to the poison queue (the Functions queue trigger's default).</summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>
    /// Times a message is put back because storage or the orchestration engine was unavailable (503, 429, timeouts)
    /// before such failures count towards <see cref="MaxDequeueCount"/> like any other (defaults: about 75 minutes).
    /// </summary>
    public int MaxTransientRetries { get; set; } = 20;

    /// <summary>The first back-off after a transient failure; it doubles with each further one up to <see cref="TransientRetryMaxDelaySeconds"/>.</summary>
    public int TransientRetryFirstDelaySeconds { get; set; } = 5;

    public int TransientRetryMaxDelaySeconds { get; set; } = 300;

    /// <summary>How long a received message stays invisible before it is retried (the Functions trigger's host.json visibilityTimeout plays this role in Azure).</summary>
    public int VisibilityTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// How long a commit that starts on an idle committer waits for more events to join its batch. 0 (the default) adds
    /// no wait: under load, events gather on their own while the previous batch is being written.
    /// </summary>
    public int CommitWindowMs { get; set; }

    /// <summary>Batches being written at once. A further batch starts only when a whole message's worth of events is waiting.</summary>
    public int MaxConcurrentCommits { get; set; } = 4;

    /// <summary>
    /// A batch message carries the raw bodies when they fit (one storage call per batch). Off, every batch writes its
    /// bodies to a blob first (two calls); kept as a switch for before/after measurements.
    /// </summary>
    public bool CarryBodiesInMessage { get; set; } = true;

    /// <summary>Events per batch message at most (a batch is also cut to stay well under the 64 KiB queue message limit).</summary>
    public int MaxEventsPerMessage { get; set; } = 100;

    /// <summary>
    /// Events waiting for storage in one process at most (not yet cut into a batch being written). Past this, or past
    /// <see cref="MaxWaitingBytes"/>, a push is answered 503 at once with nothing stored, and the platform pushes it again:
    /// a storage slowdown cannot grow the webhook's memory without bound.
    /// </summary>
    public int MaxWaitingEvents { get; set; } = 20_000;

    /// <summary>Memory those waiting events may hold (envelopes and raw bodies, UTF-16), 64 MiB by default.</summary>
    public long MaxWaitingBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Orders of one batch message the consumer records and starts at the same time.</summary>
    public int MaxConcurrentOrdersPerMessage { get; set; } = 8;

    /// <summary>Orchestration starts per second in one process (a token bucket with one second of burst); 0 = unlimited.</summary>
    public int MaxStartsPerSecond { get; set; }

    /// <summary>
    /// Orders one SyncBatch run gathers at most from the intake messages handled at the same time in one process
    /// (<see cref="BatchRunAssembler"/>); a single message larger than this still makes one run.
    /// </summary>
    public int MaxOrdersPerRun { get; set; } = 150;

    /// <summary>
    /// How long a run waits for more messages to join it after the first one, in milliseconds; 0 starts one run per message.
    /// A lone order waits this long before its run starts.
    /// </summary>
    public int RunGatherMs { get; set; } = 250;

    /// <summary>What is wrong with these settings (checked when the app starts).</summary>
    public IEnumerable<string> Problems() =>
        SettingRules.AtLeast(nameof(BusyRetryDelaySeconds), BusyRetryDelaySeconds, 1)
            .Concat(SettingRules.AtLeast(nameof(MaxDequeueCount), MaxDequeueCount, 1))
            .Concat(SettingRules.AtLeast(nameof(VisibilityTimeoutSeconds), VisibilityTimeoutSeconds, 1))
            .Concat(SettingRules.AtLeast(nameof(CommitWindowMs), CommitWindowMs, 0))
            .Concat(SettingRules.AtLeast(nameof(MaxConcurrentCommits), MaxConcurrentCommits, 1))
            .Concat(SettingRules.AtLeast(nameof(MaxEventsPerMessage), MaxEventsPerMessage, 1))
            .Concat(SettingRules.AtLeast(nameof(MaxConcurrentOrdersPerMessage), MaxConcurrentOrdersPerMessage, 1))
            .Concat(SettingRules.AtLeast(nameof(MaxStartsPerSecond), MaxStartsPerSecond, 0))
            .Concat(SettingRules.AtLeast(nameof(MaxOrdersPerRun), MaxOrdersPerRun, 1))
            .Concat(SettingRules.AtLeast(nameof(RunGatherMs), RunGatherMs, 0));
}
