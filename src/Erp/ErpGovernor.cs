using System.Diagnostics;
using System.Threading.RateLimiting;
using Polly;
using Polly.CircuitBreaker;

namespace ServerlessSync.Pipeline.Erp;

/// <summary>
/// Keeps this process within the ERP's pace: a token bucket for calls per second (one token, refilled exactly
/// every 1/rate seconds, so call starts are spaced evenly), a concurrency limit, and a
/// circuit breaker that stops calling an ERP that keeps failing. Every ERP HTTP call passes through
/// <see cref="ErpGovernorHandler"/>, so logins, look-ups and writes all count. Callers wait their turn; they
/// are never turned away while the wait is within <see cref="ErpGovernorOptions.MaxQueueWaitSeconds"/>.
/// </summary>
public sealed class ErpGovernor : IAsyncDisposable
{
    private readonly ConcurrencyLimiter concurrency;
    private readonly SemaphoreSlim paceGate = new(1, 1);
    private readonly long baseSpacingTicks;
    private long spacingTicks;
    private int members = 1;
    private double throttleFactor = 1;
    private long lastThrottleTimestamp;
    private int inFlight;
    private int waiting;
    private long lastStartTimestamp;
    private readonly ResiliencePipeline breaker;
    private readonly TimeSpan maxWait;
    private readonly Lock joinGate = new();
    private Func<CancellationToken, Task>? join;
    private Task? joined;

    public ErpGovernor(ErpGovernorOptions options)
    {
        Options = options;
        var perSecond = Math.Max(options.MaxCallsPerSecond, 0.1);
        // One token at a time, refilled every 1/rate seconds: calls are spread evenly and no burst can
        // push a one-second window over the ERP's cap by more than a single call. The refill is measured from
        // the previous call's actual start on a monotonic clock rather than by a timer's ticks: a timer that fires
        // a little late and then on time, or a token saved up while the ERP was slow, would otherwise let two
        // calls start almost together.
        var period = TimeSpan.FromSeconds(1 / perSecond);
        baseSpacingTicks = Math.Max(1, (long)(period.TotalSeconds * Stopwatch.Frequency));
        spacingTicks = baseSpacingTicks;
        lastStartTimestamp = Stopwatch.GetTimestamp() - spacingTicks;
        concurrency = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = Math.Max(1, options.MaxConcurrency),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        breaker = new ResiliencePipelineBuilder()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                // Throttling means "slower", not "down": it slows the pace (below) instead of opening the circuit.
                ShouldHandle = new PredicateBuilder().Handle<ErpTransientException>(ex => ex is not ErpThrottledException),
                FailureRatio = 0.5,
                MinimumThroughput = Math.Max(2, options.BreakAfterFailures),
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromSeconds(Math.Max(1, options.BreakSeconds)),
            })
            .Build();
        maxWait = TimeSpan.FromSeconds(Math.Max(1, options.MaxQueueWaitSeconds));
    }

    public ErpGovernorOptions Options { get; }

    /// <summary>How many worker processes currently share the ERP's limits (see <see cref="GovernorMembership"/>).</summary>
    public int Members => Volatile.Read(ref members);

    /// <summary>
    /// Set by <see cref="GovernorMembership"/>: the first ERP call of this process (and the first after it left while
    /// idle) waits for <paramref name="joinMembers"/>, so only processes that really call the ERP take a share of its
    /// limits. A join that fails is tried again by the next call.
    /// </summary>
    public void JoinBeforeCalling(Func<CancellationToken, Task> joinMembers)
    {
        lock (joinGate)
        {
            join = joinMembers;
            joined = null;
        }
    }

    /// <summary>This process left the members (idle): its next call joins again before it starts.</summary>
    public void LeftMembers()
    {
        lock (joinGate)
        {
            joined = null;
        }
    }

    /// <summary>How long no call has been in flight or waiting; zero while one is.</summary>
    public TimeSpan IdleFor =>
        Volatile.Read(ref waiting) == 0 && Volatile.Read(ref inFlight) == 0
            ? Stopwatch.GetElapsedTime(Interlocked.Read(ref lastStartTimestamp))
            : TimeSpan.Zero;

    private Task JoinedAsync()
    {
        lock (joinGate)
        {
            if (join is null)
            {
                return Task.CompletedTask;
            }

            if (joined is null || joined.IsFaulted || joined.IsCanceled)
            {
                joined = join(CancellationToken.None);
            }

            return joined;
        }
    }

    /// <summary>This process's share of the ERP's calls per second.</summary>
    public double CallsPerSecondShare => Stopwatch.Frequency / (double)Interlocked.Read(ref spacingTicks);

    /// <summary>This process's share of the ERP's concurrent calls (at least one).</summary>
    public int ConcurrencyShare => Math.Max(1, Options.MaxConcurrency / Members);

    /// <summary>
    /// Splits the configured limits evenly over <paramref name="count"/> live worker processes, so that the sum over
    /// every instance of a scaled-out app stays within what the ERP takes.
    /// </summary>
    public void ShareWith(int count)
    {
        Volatile.Write(ref members, Math.Max(1, count));
        UpdateSpacing();
    }

    /// <summary>How much slower than configured this process currently goes because the ERP throttled it.</summary>
    public double ThrottleFactor => Volatile.Read(ref throttleFactor);

    /// <summary>The ERP answered "too many calls": go half as fast again (up to 8× slower) until it stops saying so.</summary>
    public void OnThrottled()
    {
        Volatile.Write(ref throttleFactor, Math.Min(8, ThrottleFactor * 1.5));
        Interlocked.Exchange(ref lastThrottleTimestamp, Stopwatch.GetTimestamp());
        UpdateSpacing();
    }

    /// <summary>A call went through: after 10 s without throttling, speed back up step by step.</summary>
    public void OnSucceeded()
    {
        if (ThrottleFactor > 1 && Stopwatch.GetElapsedTime(Interlocked.Read(ref lastThrottleTimestamp)) > TimeSpan.FromSeconds(10))
        {
            Volatile.Write(ref throttleFactor, Math.Max(1, ThrottleFactor / 1.2));
            UpdateSpacing();
        }
    }

    private void UpdateSpacing() =>
        Interlocked.Exchange(ref spacingTicks, (long)(baseSpacingTicks * Members * ThrottleFactor));

    /// <summary>
    /// True when a call asked for now would start without waiting: nobody is waiting for a turn, this process's share of
    /// concurrent calls is not used up, and the pace allows another start. The batchers keep gathering while it is false,
    /// so the calls the ERP can take carry as many orders as have arrived meanwhile.
    /// </summary>
    public bool HasRoomNow =>
        Volatile.Read(ref waiting) == 0
        && Volatile.Read(ref inFlight) < ConcurrencyShare
        && Stopwatch.GetTimestamp() - Interlocked.Read(ref lastStartTimestamp) >= Interlocked.Read(ref spacingTicks);

    /// <summary>Waits for this call's turn: one concurrency slot, held until disposed, then one token from the bucket.</summary>
    /// <remarks>
    /// The slot comes first and the token last, right before the call starts. Taking the token first would let
    /// callers collect tokens while every slot is busy and then all start at once when slow calls finish,
    /// a burst far over the ERP's calls per second.
    /// </remarks>
    public async Task<IDisposable> AcquireCallAsync(CancellationToken cancellationToken)
    {
        await JoinedAsync().WaitAsync(cancellationToken);
        using var waitLimit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        waitLimit.CancelAfter(maxWait);
        RateLimitLease? slot = null;
        Interlocked.Increment(ref waiting);
        try
        {
            slot = await concurrency.AcquireAsync(1, waitLimit.Token);
            if (!slot.IsAcquired)
            {
                throw new ErpTransientException("The ERP governor could not grant a call slot.");
            }

            await WaitForTokenAsync(waitLimit.Token);

            var granted = new ShareSlot(slot, this);
            slot = null;
            return granted;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ErpTransientException($"Waited over {maxWait.TotalSeconds:0} s for an ERP call slot.");
        }
        finally
        {
            Interlocked.Decrement(ref waiting);
            // Not returned to the caller: give the slot back, whatever went wrong.
            slot?.Dispose();
        }
    }

    /// <summary>
    /// Waits, first come first served, until one period has passed since the previous call started. The start is
    /// stamped when the wait is over, so a process that stalls (GC, a busy host) and wakes several waiters late
    /// still lets them through one period apart.
    /// </summary>
    private async Task WaitForTokenAsync(CancellationToken cancellationToken)
    {
        await paceGate.WaitAsync(cancellationToken);
        try
        {
            // The limiter holds the configured maximum; this process's share may be smaller while others run.
            // Checked and taken under the gate, so two callers cannot both take the last place.
            while (Volatile.Read(ref inFlight) >= ConcurrencyShare)
            {
                await Task.Delay(5, cancellationToken);
            }

            long wait;
            while ((wait = lastStartTimestamp + Interlocked.Read(ref spacingTicks) - Stopwatch.GetTimestamp()) > 0)
            {
                // Timers count whole milliseconds: round up, and check again in case one fired a little early.
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait * 1000.0 / Stopwatch.Frequency)), cancellationToken);
            }

            Interlocked.Exchange(ref lastStartTimestamp, Stopwatch.GetTimestamp());
            Interlocked.Increment(ref inFlight);
        }
        finally
        {
            paceGate.Release();
        }
    }

    /// <summary>Runs one ERP operation behind the circuit breaker; an open circuit is reported as transient.</summary>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        try
        {
            var result = await breaker.ExecuteAsync(async ct => await operation(ct), cancellationToken);
            OnSucceeded();
            return result;
        }
        catch (ErpThrottledException)
        {
            OnThrottled();
            throw;
        }
        catch (BrokenCircuitException ex)
        {
            throw new ErpTransientException("The ERP circuit is open after repeated failures; the call will be retried later.", ex);
        }
    }

    private sealed class ShareSlot(RateLimitLease lease, ErpGovernor governor) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                Interlocked.Decrement(ref governor.inFlight);
                lease.Dispose();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await concurrency.DisposeAsync();
        paceGate.Dispose();
    }
}
