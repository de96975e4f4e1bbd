namespace ServerlessSync.Simulators.Core;

/// <summary>
/// Call counters of one simulator; thread-safe. Calls are counted per operation (the ERP's service, API or OData
/// resource), per second (the peak) and in flight (the peak concurrency counts every call, admitted or not).
/// </summary>
public sealed class SimCallMetrics
{
    private static readonly int CounterCount = Enum.GetValues<SimCounter>().Length;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _byOperation = new(StringComparer.Ordinal);
    private readonly long[] _counters = new long[CounterCount];
    private long _totalCalls;
    private long _currentSecond = -1;
    private int _callsThisSecond;
    private int _peakCallsPerSecond;
    private int _inFlight;
    private int _peakConcurrency;

    /// <summary>Counts a call and returns how many are in flight including it; <see cref="Exit"/> when it is answered.</summary>
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

    public void Count(SimCounter counter) => Interlocked.Increment(ref _counters[(int)counter]);

    public SimCallMetricsSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new SimCallMetricsSnapshot(
                _totalCalls,
                _peakCallsPerSecond,
                _peakConcurrency,
                _inFlight,
                Enum.GetValues<SimCounter>().ToDictionary(c => c, c => Interlocked.Read(ref _counters[(int)c])),
                new Dictionary<string, long>(_byOperation, StringComparer.Ordinal));
        }
    }

    /// <summary>Back to zero; calls still in flight stay counted as in flight (and as the peak so far).</summary>
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
            for (var i = 0; i < _counters.Length; i++)
            {
                Interlocked.Exchange(ref _counters[i], 0);
            }
        }
    }
}

/// <summary>What a simulator counted. <see cref="CallsByOperation"/> keys are the ERP's own operation names.</summary>
public sealed record SimCallMetricsSnapshot(
    long TotalCalls,
    int PeakCallsPerSecond,
    int PeakConcurrency,
    int InFlight,
    IReadOnlyDictionary<SimCounter, long> Counters,
    IReadOnlyDictionary<string, long> CallsByOperation)
{
    /// <summary>The calls per operation under K/3 Cloud's word for an operation, the service (Kingdee, YonBIP, Jushuitan).</summary>
    public IReadOnlyDictionary<string, long> CallsByService => CallsByOperation;

    public long Throttled => Counters[SimCounter.Throttled];

    public long Overloaded => Counters[SimCounter.Overloaded];

    public long TransientFailures => Counters[SimCounter.TransientFailures];

    public long CommitThenTimeouts => Counters[SimCounter.CommitThenTimeouts];

    public long SlowCommits => Counters[SimCounter.SlowCommits];

    public long BusinessRejects => Counters[SimCounter.BusinessRejects];

    public long SessionRejections => Counters[SimCounter.SessionRejections];

    public long CsrfRejections => Counters[SimCounter.CsrfRejections];

    public long AuthFailures => Counters[SimCounter.AuthFailures];

    public long TokenFetches => Counters[SimCounter.TokenFetches];
}
