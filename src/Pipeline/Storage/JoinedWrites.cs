namespace ServerlessSync.Pipeline.Storage;

/// <summary>
/// Group commit for one set of rows: callers hand in items and wait for the write their items joined. One write runs at
/// a time; what arrives while it runs joins the next one, so many concurrent callers cost about one write each round
/// instead of one each (and no caller waits behind a queue of writes, only for the one it joined).
/// </summary>
/// <typeparam name="TItem">What a caller hands in.</typeparam>
/// <typeparam name="TResult">What the write of a group answers; every caller of that group gets it.</typeparam>
public sealed class JoinedWrites<TItem, TResult>(Func<IReadOnlyList<TItem>, Task<TResult>> write)
{
    private readonly object gate = new();
    private List<TItem> waiting = [];
    private TaskCompletionSource<TResult>? waitingDone;
    private Task writer = Task.CompletedTask;
    private bool writing;

    /// <summary>Items waiting for the next write.</summary>
    public int Waiting
    {
        get
        {
            lock (gate)
            {
                return waiting.Count;
            }
        }
    }

    /// <summary>Completes when the writes running or due now are done.</summary>
    public Task Idle
    {
        get
        {
            lock (gate)
            {
                return writer;
            }
        }
    }

    /// <summary>Joins the next write; the task completes with that write's answer, or fails with its exception.</summary>
    public Task<TResult> JoinAsync(IEnumerable<TItem> items)
    {
        Task<TResult> written;
        Task<Task>? startWriter = null;
        lock (gate)
        {
            waiting.AddRange(items);
            waitingDone ??= new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            written = waitingDone.Task;
            if (!writing)
            {
                writing = true;
                startWriter = new Task<Task>(WriteWhileWaitingAsync);
                writer = startWriter.Unwrap();
            }
        }

        startWriter?.Start(TaskScheduler.Default);
        return written;
    }

    private async Task WriteWhileWaitingAsync()
    {
        while (true)
        {
            List<TItem> items;
            TaskCompletionSource<TResult> done;
            lock (gate)
            {
                if (waitingDone is null)
                {
                    writing = false;
                    return;
                }

                (items, done) = (waiting, waitingDone);
                (waiting, waitingDone) = ([], null);
            }

            try
            {
                done.SetResult(await write(items));
            }
            catch (Exception ex)
            {
                done.SetException(ex); // every caller of this write sees it
            }
        }
    }
}
