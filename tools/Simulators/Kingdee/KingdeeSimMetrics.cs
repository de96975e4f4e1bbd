namespace ServerlessSync.Simulators.Kingdee;

/// <summary>Call counters; thread-safe. Concurrency counts every call in flight, admitted or not.</summary>
public sealed class KingdeeSimMetrics
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _byService = new(StringComparer.Ordinal);
    private long _totalCalls;
    private long _currentSecond = -1;
    private int _callsThisSecond;
    private int _peakCallsPerSecond;
    private int _inFlight;
    private int _peakConcurrency;
    private long _throttled;
    private long _transientFailures;
    private long _commitThenTimeouts;
    private long _slowCommits;
    private long _businessRejects;
    private long _sessionRejections;

    /// <summary>Counts a call and returns how many are in flight including it.</summary>
    public int Enter(string service, DateTimeOffset now)
    {
        lock (_gate)
        {
            _totalCalls++;
            _byService[service] = _byService.GetValueOrDefault(service) + 1;
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

    public void CountTransientFailure() => Interlocked.Increment(ref _transientFailures);

    public void CountCommitThenTimeout() => Interlocked.Increment(ref _commitThenTimeouts);

    public void CountSlowCommit() => Interlocked.Increment(ref _slowCommits);

    public void CountBusinessReject() => Interlocked.Increment(ref _businessRejects);

    public void CountSessionRejection() => Interlocked.Increment(ref _sessionRejections);

    public KingdeeSimMetricsSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new KingdeeSimMetricsSnapshot(
                _totalCalls,
                _peakCallsPerSecond,
                _peakConcurrency,
                _inFlight,
                Interlocked.Read(ref _throttled),
                Interlocked.Read(ref _transientFailures),
                Interlocked.Read(ref _commitThenTimeouts),
                Interlocked.Read(ref _slowCommits),
                Interlocked.Read(ref _businessRejects),
                Interlocked.Read(ref _sessionRejections),
                new Dictionary<string, long>(_byService, StringComparer.Ordinal));
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _byService.Clear();
            _totalCalls = 0;
            _currentSecond = -1;
            _callsThisSecond = 0;
            _peakCallsPerSecond = 0;
            _peakConcurrency = _inFlight;
            Interlocked.Exchange(ref _throttled, 0);
            Interlocked.Exchange(ref _transientFailures, 0);
            Interlocked.Exchange(ref _commitThenTimeouts, 0);
            Interlocked.Exchange(ref _slowCommits, 0);
            Interlocked.Exchange(ref _businessRejects, 0);
            Interlocked.Exchange(ref _sessionRejections, 0);
        }
    }
}

public sealed record KingdeeSimMetricsSnapshot(
    long TotalCalls,
    int PeakCallsPerSecond,
    int PeakConcurrency,
    int InFlight,
    long Throttled,
    long TransientFailures,
    long CommitThenTimeouts,
    long SlowCommits,
    long BusinessRejects,
    long SessionRejections,
    IReadOnlyDictionary<string, long> CallsByService);
