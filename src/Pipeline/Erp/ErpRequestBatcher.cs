namespace ServerlessSync.Pipeline.Erp;

/// <summary>
/// Group commit for ERP calls: concurrent callers each hand in one request, and the batcher runs them together as
/// one batch, so one ERP call serves many callers. A batch goes when it holds <c>maxBatchSize</c> requests, or when its
/// oldest request has waited <c>window</c>; while <c>maxConcurrentBatches</c> batches are already running, requests
/// keep gathering (up to the size) instead, so batches grow exactly when the ERP is the bottleneck.
/// </summary>
/// <remarks>
/// Nothing waits forever: the window is bounded, a caller whose token is cancelled before its batch goes is taken out
/// of it (and after that simply stops waiting), a batch that throws fails exactly its own callers with that exception,
/// and a batch that returns without answering a caller fails that caller.
/// </remarks>
public sealed class ErpRequestBatcher<TRequest, TResult> : IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<ErpBatchEntry<TRequest, TResult>> _waiting = [];
    private readonly Func<IReadOnlyList<ErpBatchEntry<TRequest, TResult>>, Task> _runBatch;
    private readonly Func<int> _maxBatchSize;
    private readonly Func<int> _maxConcurrentBatches;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private readonly ITimer _windowTimer;
    private int _running;
    private bool _disposed;

    /// <param name="runBatch">Runs one batch and answers each entry; it must not throw for one entry's sake.</param>
    /// <param name="maxBatchSize">Most requests per batch, read each time a batch is formed.</param>
    /// <param name="maxConcurrentBatches">Most batches running at once, read each time a batch is formed.</param>
    /// <param name="window">How long the oldest waiting request may wait for company before its batch goes anyway.</param>
    public ErpRequestBatcher(
        Func<IReadOnlyList<ErpBatchEntry<TRequest, TResult>>, Task> runBatch,
        Func<int> maxBatchSize,
        Func<int> maxConcurrentBatches,
        TimeSpan window,
        TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(runBatch);
        ArgumentNullException.ThrowIfNull(maxBatchSize);
        ArgumentNullException.ThrowIfNull(maxConcurrentBatches);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.Zero);
        _runBatch = runBatch;
        _maxBatchSize = maxBatchSize;
        _maxConcurrentBatches = maxConcurrentBatches;
        _window = window;
        _time = time;
        _windowTimer = time.CreateTimer(_ => OnWindowElapsed(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Requests waiting for a batch to take them (not counting those in running batches).</summary>
    public int Waiting
    {
        get
        {
            lock (_gate)
            {
                return _waiting.Count;
            }
        }
    }

    /// <summary>Hands one request in and waits for its own answer.</summary>
    public async Task<TResult> SubmitAsync(TRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var entry = new ErpBatchEntry<TRequest, TResult>(request, _time.GetTimestamp());
        List<ErpBatchEntry<TRequest, TResult>[]> ready;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _waiting.Add(entry);
            ready = TakeReadyBatches();
        }

        Start(ready);
        using var registration = cancellationToken.Register(() => Withdraw(entry, cancellationToken));
        return await entry.Completion;
    }

    public void Dispose()
    {
        List<ErpBatchEntry<TRequest, TResult>> abandoned;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            abandoned = [.. _waiting];
            _waiting.Clear();
        }

        _windowTimer.Dispose();
        foreach (var entry in abandoned)
        {
            entry.Fail(new ObjectDisposedException(GetType().Name, "The ERP batcher stopped before this request was sent."));
        }
    }

    /// <summary>
    /// Forms every batch that may go now, oldest requests first, and arms the window timer for the rest. Under the gate.
    /// </summary>
    private List<ErpBatchEntry<TRequest, TResult>[]> TakeReadyBatches()
    {
        var ready = new List<ErpBatchEntry<TRequest, TResult>[]>();
        while (_waiting.Count > 0 && _running < Math.Max(1, _maxConcurrentBatches()))
        {
            var size = Math.Max(1, _maxBatchSize());
            if (_waiting.Count < size && _time.GetElapsedTime(_waiting[0].EnqueuedAt) < _window)
            {
                break;
            }

            var take = Math.Min(size, _waiting.Count);
            ready.Add([.. _waiting.GetRange(0, take)]);
            _waiting.RemoveRange(0, take);
            _running++;
        }

        ArmWindowTimer();
        return ready;
    }

    /// <summary>
    /// Wakes up when the oldest waiting request's window ends. Not needed when nothing waits, or when the window has
    /// ended and every batch slot is taken: the next batch to finish forms the next batch then.
    /// </summary>
    private void ArmWindowTimer()
    {
        if (_disposed || _waiting.Count == 0)
        {
            _windowTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        var left = _window - _time.GetElapsedTime(_waiting[0].EnqueuedAt);
        _windowTimer.Change(left > TimeSpan.Zero ? left : Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    private void OnWindowElapsed()
    {
        List<ErpBatchEntry<TRequest, TResult>[]> ready;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            ready = TakeReadyBatches();
        }

        Start(ready);
    }

    private void Start(List<ErpBatchEntry<TRequest, TResult>[]> batches)
    {
        foreach (var batch in batches)
        {
            // Off the caller's thread: the caller that completes a batch must not also run the ERP calls of the next one.
            _ = Task.Run(() => RunAsync(batch));
        }
    }

    private async Task RunAsync(ErpBatchEntry<TRequest, TResult>[] batch)
    {
        try
        {
            await _runBatch(batch);
        }
        catch (Exception ex)
        {
            // Not swallowed: every caller of this batch, and only those, receives it.
            foreach (var entry in batch)
            {
                entry.Fail(ex);
            }
        }
        finally
        {
            foreach (var entry in batch.Where(e => !e.IsAnswered))
            {
                entry.Fail(new InvalidOperationException("The ERP batch finished without answering this request."));
            }

            List<ErpBatchEntry<TRequest, TResult>[]> ready;
            lock (_gate)
            {
                _running--;
                ready = _disposed ? [] : TakeReadyBatches();
            }

            Start(ready);
        }
    }

    private void Withdraw(ErpBatchEntry<TRequest, TResult> entry, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_waiting.Remove(entry))
            {
                ArmWindowTimer();
            }
        }

        // Still waiting: it never reaches the ERP. Already in a batch: the call goes on, but this caller stops waiting.
        entry.Cancel(cancellationToken);
    }
}

/// <summary>One caller's request inside an <see cref="ErpRequestBatcher{TRequest, TResult}"/> batch, and its answer.</summary>
public sealed class ErpBatchEntry<TRequest, TResult>
{
    private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal ErpBatchEntry(TRequest request, long enqueuedAt)
    {
        Request = request;
        EnqueuedAt = enqueuedAt;
    }

    public TRequest Request { get; }

    /// <summary>Answered, failed or given up by its caller.</summary>
    public bool IsAnswered => _completion.Task.IsCompleted;

    internal long EnqueuedAt { get; }

    internal Task<TResult> Completion => _completion.Task;

    public void Answer(TResult result) => _completion.TrySetResult(result);

    public void Fail(Exception error) => _completion.TrySetException(error);

    internal void Cancel(CancellationToken cancellationToken) => _completion.TrySetCanceled(cancellationToken);
}
