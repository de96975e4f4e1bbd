using Microsoft.DurableTask;

namespace ServerlessSync.Pipeline.Sync;

/// <summary>
/// The durable retry settings of one run, taken from <see cref="SyncSettings"/> when the run starts and carried in its
/// input: a replay after the configuration changed (a restart, a new deployment) retries as the run began, so its
/// history still matches what the orchestrator does.
/// </summary>
/// <param name="Fetch">Reading the order (PrepareOrder, PrepareBatch).</param>
/// <param name="Erp">Stock checks, ERP writes and reversals; the batch run's back-off between its ERP tries.</param>
/// <param name="WriteBack">One write-back round (ledger, stats, leases).</param>
/// <param name="WriteBackRoundInterval">The pause between write-back rounds after the ERP write succeeded.</param>
/// <param name="WriteBackMaxRounds">Rounds of write-back after an ERP write before the run gives up.</param>
/// <param name="BatchWriteAttempts">Tries of a batch run's ERP write before its unsettled orders go to their per-order runs.</param>
/// <param name="Alert">Sending an alert (not configurable: a broken channel must not hold the order's run for long).</param>
public sealed record SyncRetryPlan(
    RetrySteps Fetch,
    RetrySteps Erp,
    RetrySteps WriteBack,
    TimeSpan WriteBackRoundInterval,
    int WriteBackMaxRounds,
    int BatchWriteAttempts,
    RetrySteps Alert)
{
    private static readonly RetrySteps AlertSteps = new(3, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30));

    /// <summary>For runs started before the plan travelled in the input: the built-in settings, never the live configuration.</summary>
    public static SyncRetryPlan Defaults { get; } = From(new SyncSettings());

    public static SyncRetryPlan From(SyncSettings settings) => new(
        Seconds(settings.FetchMaxAttempts, settings.FetchFirstRetrySeconds, 60),
        Seconds(settings.WriteErpMaxAttempts, settings.WriteErpFirstRetrySeconds, settings.WriteErpMaxRetrySeconds),
        Seconds(settings.WriteBackAttempts, settings.WriteBackFirstRetrySeconds, Math.Max(30, settings.WriteBackFirstRetrySeconds)),
        TimeSpan.FromSeconds(Math.Max(1, settings.WriteBackRetrySeconds)),
        Math.Max(1, settings.WriteBackMaxRounds),
        Math.Max(1, settings.BatchWriteAttempts),
        AlertSteps);

    private static RetrySteps Seconds(int attempts, int firstSeconds, int maxSeconds) =>
        new(Math.Max(1, attempts), TimeSpan.FromSeconds(Math.Max(1, firstSeconds)), TimeSpan.FromSeconds(Math.Max(1, maxSeconds)));
}

/// <summary>Attempts of one durable call, the wait doubling from <see cref="FirstInterval"/> up to <see cref="MaxInterval"/>.</summary>
public sealed record RetrySteps(int Attempts, TimeSpan FirstInterval, TimeSpan MaxInterval)
{
    /// <summary>Durable retries only for failures worth retrying (<see cref="TransientFailures"/>); a bug or a refusal fails at once.</summary>
    public TaskOptions Options() => Policy(failure => TransientFailures.IsTransient(failure.ErrorType));

    /// <summary>Durable retries whatever the failure (alerts: a channel's refusal may pass).</summary>
    public TaskOptions OptionsForEveryFailure() => Policy(_ => true);

    private TaskOptions Policy(Func<TaskFailureDetails, bool> retryWhen) =>
        TaskOptions.FromRetryPolicy(new RetryPolicy(maxNumberOfAttempts: Math.Max(1, Attempts), firstRetryInterval: First, backoffCoefficient: 2, maxRetryInterval: Max)
        {
            HandleFailure = retryWhen,
        });

    /// <summary>The wait before try <paramref name="tries"/> + 1, the same doubling the retry policy uses.</summary>
    public TimeSpan BackOff(int tries)
    {
        var doubled = First * (1 << Math.Min(Math.Max(0, tries - 1), 10));
        return doubled < Max ? doubled : Max;
    }

    private TimeSpan First => FirstInterval > TimeSpan.Zero ? FirstInterval : TimeSpan.FromMilliseconds(1);

    private TimeSpan Max => MaxInterval > First ? MaxInterval : First;
}
