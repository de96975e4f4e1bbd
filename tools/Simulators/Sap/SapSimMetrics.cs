namespace ServerlessSync.Simulators.Sap;

/// <summary>Call counters; thread-safe. Concurrency counts every call in flight, admitted or not.</summary>
public sealed class SapSimMetrics
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _byOperation = new(StringComparer.Ordinal);
    private long _totalCalls;
    private long _currentSecond = -1;
    private int _callsThisSecond;
    private int _peakCallsPerSecond;
    private int _inFlight;
    private int _peakConcurrency;
    private long _throttled;
    private long _overloaded;
    private long _transientFailures;
    private long _commitThenTimeouts;
    private long _businessRejects;
    private long _csrfRejections;
    private long _authFailures;
    private long _tokenFetches;

    /// <summary>Counts a call and returns how many are in flight including it.</summary>
    public int Enter(string operation, DateTimeOffset now)
    {
        lock (_gate)
        {
            _totalCalls++;
            _byOperation[operation] = _byOperation.GetValueOrDefault(operation) + 1;
            var second = now.ToUnixTimeSeconds();
            if (second != _currentSecond)
            {
                _currentSecond = second;
                _callsThisSecond = 0;
            }

            _callsThisSecond++;
            _peakCallsPerSecond = Math.Max(_peakCallsPerSecond, _callsThisSecond);
            _inFlight++;
            _peakConcurrency = Math.Max(_peakConcurrency, _inFlight);
            return _inFlight;
        }
    }

    public void Exit()
    {
        lock (_gate)
        {
            _inFlight--;
        }
    }

    public void CountThrottled() => Interlocked.Increment(ref _throttled);

    public void CountOverloaded() => Interlocked.Increment(ref _overloaded);

    public void CountTransientFailure() => Interlocked.Increment(ref _transientFailures);

    public void CountCommitThenTimeout() => Interlocked.Increment(ref _commitThenTimeouts);

    public void CountBusinessReject() => Interlocked.Increment(ref _businessRejects);

    public void CountCsrfRejection() => Interlocked.Increment(ref _csrfRejections);

    public void CountAuthFailure() => Interlocked.Increment(ref _authFailures);

    public void CountTokenFetch() => Interlocked.Increment(ref _tokenFetches);

    public SapSimMetricsSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new SapSimMetricsSnapshot(
                _totalCalls,
                _peakCallsPerSecond,
                _peakConcurrency,
                _inFlight,
                Interlocked.Read(ref _throttled),
                Interlocked.Read(ref _overloaded),
                Interlocked.Read(ref _transientFailures),
                Interlocked.Read(ref _commitThenTimeouts),
                Interlocked.Read(ref _businessRejects),
                Interlocked.Read(ref _csrfRejections),
                Interlocked.Read(ref _authFailures),
                Interlocked.Read(ref _tokenFetches),
                new Dictionary<string, long>(_byOperation, StringComparer.Ordinal));
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _byOperation.Clear();
            _totalCalls = 0;
            _currentSecond = -1;
            _callsThisSecond = 0;
            _peakCallsPerSecond = 0;
            _peakConcurrency = _inFlight;
            Interlocked.Exchange(ref _throttled, 0);
            Interlocked.Exchange(ref _overloaded, 0);
            Interlocked.Exchange(ref _transientFailures, 0);
            Interlocked.Exchange(ref _commitThenTimeouts, 0);
            Interlocked.Exchange(ref _businessRejects, 0);
            Interlocked.Exchange(ref _csrfRejections, 0);
            Interlocked.Exchange(ref _authFailures, 0);
            Interlocked.Exchange(ref _tokenFetches, 0);
        }
    }
}

/// <summary>What the simulator counted; <see cref="CallsByOperation"/> keys look like "POST A_SalesOrder".</summary>
public sealed record SapSimMetricsSnapshot(
    long TotalCalls,
    int PeakCallsPerSecond,
    int PeakConcurrency,
    int InFlight,
    long Throttled,
    long Overloaded,
    long TransientFailures,
    long CommitThenTimeouts,
    long BusinessRejects,
    long CsrfRejections,
    long AuthFailures,
    long TokenFetches,
    IReadOnlyDictionary<string, long> CallsByOperation);
