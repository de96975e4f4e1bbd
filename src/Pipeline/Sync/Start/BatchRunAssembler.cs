using ServerlessSync.Pipeline.Intake;
using ServerlessSync.Pipeline.Sync.Batch;

namespace ServerlessSync.Pipeline.Sync.Start;

/// <summary>
/// Gathers the orders of the intake messages this process handles at the same time into one SyncBatch run (DESIGN D7):
/// during a burst the queue trigger (or LocalHost's poller) holds up to 16 messages of ~10–50 orders each, and one run
/// per message would pay the Durable Task engine's per-run cost, an ERP look-up and a batch create for each of them. A
/// gathering starts with the first message and is started when it holds <see cref="IntakeOptions.MaxOrdersPerRun"/>
/// orders or <see cref="IntakeOptions.RunGatherMs"/> after it began, whichever comes first; every message waits for that
/// start and fails with it, so a message is deleted only once its orders are in a run. The run is named after the
/// smallest message id it holds, so a lone message keeps its own run id (a message delivered again finds its run).
/// </summary>
public sealed class BatchRunAssembler(IOptions<IntakeOptions> options, TimeProvider clock, ILogger<BatchRunAssembler> logger)
{
    private readonly object gate = new();
    private Gathering? open;

    /// <param name="starter">Starts the run; in the Functions host it is bound to the invocation's Durable client, which
    /// stays alive because that invocation waits for the start.</param>
    public Task<StartOutcome> StartAsync(SyncBatchStarter starter, string batchId, IReadOnlyList<IntakeMessage> orders, CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (o.RunGatherMs <= 0 || orders.Count >= o.MaxOrdersPerRun)
        {
            return starter.StartAsync(batchId, orders, cancellationToken);
        }

        Gathering? full = null;
        Gathering? complete = null;
        Gathering joined;
        lock (gate)
        {
            if (open is not null && open.Orders + orders.Count > o.MaxOrdersPerRun)
            {
                full = open;
                open = null;
            }

            if (open is null)
            {
                open = new Gathering(starter);
                _ = StartWhenDueAsync(open, TimeSpan.FromMilliseconds(o.RunGatherMs));
            }

            joined = open;
            joined.Add(batchId, orders);
            if (joined.Orders >= o.MaxOrdersPerRun)
            {
                complete = joined;
                open = null;
            }
        }

        if (full is not null)
        {
            _ = StartRunAsync(full);
        }

        if (complete is not null)
        {
            _ = StartRunAsync(complete);
        }

        return joined.Started.Task.WaitAsync(cancellationToken);
    }

    private async Task StartWhenDueAsync(Gathering gathering, TimeSpan window)
    {
        await Task.Delay(window, clock);
        lock (gate)
        {
            if (!ReferenceEquals(open, gathering))
            {
                return; // started already, because it filled up
            }

            open = null;
        }

        await StartRunAsync(gathering);
    }

    /// <summary>Starts the gathered run and hands its outcome, or its failure, to every message in it.</summary>
    private async Task StartRunAsync(Gathering gathering)
    {
        var (runId, orders, messages) = gathering.Seal();
        try
        {
            var outcome = await gathering.Starter.StartAsync(runId, orders, CancellationToken.None);
            if (messages > 1)
            {
                logger.LogInformation("Run {RunId} gathered {Orders} orders from {Messages} intake messages", runId, orders.Count, messages);
            }

            gathering.Started.TrySetResult(outcome);
        }
        catch (Exception ex)
        {
            // Every message of the gathering gets the failure and stays on the queue to be tried again.
            gathering.Started.TrySetException(ex);
        }
    }

    private sealed class Gathering(SyncBatchStarter starter)
    {
        private readonly List<(string BatchId, IReadOnlyList<IntakeMessage> Orders)> parts = [];

        public SyncBatchStarter Starter { get; } = starter;

        public TaskCompletionSource<StartOutcome> Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Orders { get; private set; }

        public void Add(string batchId, IReadOnlyList<IntakeMessage> orders)
        {
            parts.Add((batchId, orders));
            Orders += orders.Count;
        }

        /// <summary>The run's id, its orders (one event per order: the latest accepted, as the run itself would pick) and how many messages they came from.</summary>
        public (string RunId, IReadOnlyList<IntakeMessage> Orders, int Messages) Seal() =>
            (parts.Select(p => p.BatchId).Min(StringComparer.Ordinal)!,
             parts.SelectMany(p => p.Orders)
                 .GroupBy(m => m.Key)
                 .Select(g => g.MaxBy(m => m.AcceptedAt)!)
                 .OrderBy(m => m.Key.InstanceId, StringComparer.Ordinal)
                 .ToList(),
             parts.Count);
    }
}
