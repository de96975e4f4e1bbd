namespace ServerlessSync.Pipeline.Erp;

/// <summary>When a batch of an <see cref="ErpRequestBatcher{TRequest, TResult}"/> goes.</summary>
/// <param name="MaxBatchSize">Most requests per batch, read each time a batch is formed; a full batch goes at once.</param>
/// <param name="MaxConcurrentBatches">Most batches running at once, read each time a batch is formed.</param>
/// <param name="Window">How long the oldest request waits for company before a batch that is not full may go.</param>
/// <param name="MaxWait">How long the oldest request may keep waiting after the window while the ERP has no room.</param>
/// <param name="ErpHasRoom">Whether a call could start at once; while it cannot, a batch that is not full keeps gathering.</param>
public sealed record ErpBatchPolicy(Func<int> MaxBatchSize, Func<int> MaxConcurrentBatches, TimeSpan Window, TimeSpan MaxWait, Func<bool> ErpHasRoom)
{
    /// <summary>One request per batch, all at once: what callers did before batching.</summary>
    public static ErpBatchPolicy Unbatched { get; } = new(() => 1, () => int.MaxValue, TimeSpan.Zero, TimeSpan.Zero, () => true);

    /// <summary>
    /// Batches of up to the connector's <see cref="Ports.IErpConnector.MaxBatchSize"/>, one running per call slot this
    /// process may use, gathering while the governor has no room; <see cref="Unbatched"/> when the ERP has no batch API.
    /// </summary>
    public static ErpBatchPolicy For(Ports.IErpConnector erp, ErpGovernor governor, ErpBatchingOptions options)
    {
        ArgumentNullException.ThrowIfNull(erp);
        ArgumentNullException.ThrowIfNull(governor);
        ArgumentNullException.ThrowIfNull(options);
        return erp.MaxBatchSize > 1
            ? new ErpBatchPolicy(() => erp.MaxBatchSize, () => governor.ConcurrencyShare, options.BatchWindow, options.BatchMaxWait, () => governor.HasRoomNow)
            : Unbatched;
    }
}

/// <summary>
/// Group commit for ERP calls: concurrent callers each hand in one request, and the batcher runs them together as
/// one batch, so one ERP call serves many callers. A batch goes when it holds <see cref="ErpBatchPolicy.MaxBatchSize"/>
/// requests, or when its oldest request has waited <see cref="ErpBatchPolicy.Window"/> and the ERP has room for a call
/// now. While the ERP is busy (the governor would queue the call, or every batch slot is taken), requests keep
/// gathering instead, so batches grow exactly when the ERP is the bottleneck and stay small, for low latency, when it
/// is not.
/// </summary>
/// <remarks>
/// Nothing waits forever: after <see cref="ErpBatchPolicy.MaxWait"/> a batch goes whether the ERP has room or not (and
/// waits its turn at the governor), a caller whose token is cancelled before its batch goes is taken out of it (and
/// after that simply stops waiting), a batch that throws fails exactly its own callers with that exception, and a
/// batch that returns without answering a caller fails that caller.
/// </remarks>
public sealed class ErpRequestBatcher<TRequest, TResult> : IDisposable
{
    /// <summary>How often a batch past its window looks again whether the ERP has room.</summary>
    public static readonly TimeSpan RoomPollInterval = TimeSpan.FromMilliseconds(5);

    private readonly Lock _gate = new();
    private readonly List<ErpBatchEntry<TRequest, TResult>> _waiting = [];
    private readonly Func<IReadOnlyList<ErpBatchEntry<TRequest, TResult>>, Task> _runBatch;
    private readonly ErpBatchPolicy _policy;
    private readonly TimeSpan _maxWait;
    private readonly TimeProvider _time;
    private readonly ITimer _windowTimer;
    private int _running;
    private bool _disposed;

    /// <param name="runBatch">Runs one batch and answers each entry; it must not throw for one entry's sake.</param>
    /// <param name="policy">When batches go.</param>
    /// <param name="time">The clock of the window.</param>
    public ErpRequestBatcher(Func<IReadOnlyList<ErpBatchEntry<TRequest, TResult>>, Task> runBatch, ErpBatchPolicy policy, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(runBatch);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(policy.Window, TimeSpan.Zero);
        _runBatch = runBatch;
        _policy = policy;
        _maxWait = policy.MaxWait > policy.Window ? policy.MaxWait : policy.Window;
        _time = time;
        _windowTimer = time.CreateTimer(_ => OnWindowElapsed(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
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
    /// Forms every batch that may go now, oldest requests first, and arms the timer for the rest. Under the gate.
    /// </summary>
    private List<ErpBatchEntry<TRequest, TResult>[]> TakeReadyBatches()
    {
        var ready = new List<ErpBatchEntry<TRequest, TResult>[]>();
        while (_waiting.Count > 0 && _running < Math.Max(1, _policy.MaxConcurrentBatches()))
        {
            var size = Math.Max(1, _policy.MaxBatchSize());
            if (_waiting.Count < size && !PartialBatchMayGo())
            {
                break;
            }

            var take = Math.Min(size, _waiting.Count);
            ready.Add([.. _waiting.GetRange(0, take)]);
            _waiting.RemoveRange(0, take);
            _running++;
        }

        ArmTimer();
        return ready;
    }

    private bool PartialBatchMayGo()
    {
        var age = _time.GetElapsedTime(_waiting[0].EnqueuedAt);
        return age >= _policy.Window && (age >= _maxWait || _policy.ErpHasRoom());
    }

    /// <summary>
    /// Wakes up when the oldest waiting request's window ends, then every <see cref="RoomPollInterval"/> to see whether
    /// the ERP has room, until its <see cref="ErpBatchPolicy.MaxWait"/>. A batch slot coming free wakes the batcher too.
    /// </summary>
    private void ArmTimer()
    {
        if (_disposed || _waiting.Count == 0)
        {
            _windowTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        var age = _time.GetElapsedTime(_waiting[0].EnqueuedAt);
        var next = age < _policy.Window ? _policy.Window - age
            : age < _maxWait ? Min(RoomPollInterval, _maxWait - age)
            : Timeout.InfiniteTimeSpan;
        _windowTimer.Change(next, Timeout.InfiniteTimeSpan);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

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
                ArmTimer();
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
