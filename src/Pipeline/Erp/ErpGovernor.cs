using System.Threading.RateLimiting;
using Polly;
using Polly.CircuitBreaker;
using ServerlessSync.Domain.Erp;

namespace ServerlessSync.Pipeline.Erp;

/// <summary>
/// Keeps this process within the ERP's pace: a token bucket for calls per second, a concurrency limit, and a
/// circuit breaker that stops calling an ERP that keeps failing. Every ERP HTTP call passes through
/// <see cref="ErpGovernorHandler"/>, so logins, look-ups and writes all count. Callers wait their turn; they
/// are never turned away while the wait is within <see cref="ErpGovernorOptions.MaxQueueWaitSeconds"/>.
/// </summary>
public sealed class ErpGovernor : IAsyncDisposable
{
    private readonly TokenBucketRateLimiter bucket;
    private readonly ConcurrencyLimiter concurrency;
    private readonly ResiliencePipeline breaker;
    private readonly TimeSpan maxWait;

    public ErpGovernor(ErpGovernorOptions options)
    {
        Options = options;
        var perSecond = Math.Max(options.MaxCallsPerSecond, 0.1);
        // One token at a time, refilled every 1/rate seconds: calls are spread evenly and no burst can
        // push a one-second window over the ERP's cap by more than a single call.
        var period = TimeSpan.FromMilliseconds(Math.Max(1, 1000 / perSecond));
        bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = 1,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = period,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
        concurrency = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = Math.Max(1, options.MaxConcurrency),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        breaker = new ResiliencePipelineBuilder()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<ErpTransientException>(),
                FailureRatio = 0.5,
                MinimumThroughput = Math.Max(2, options.BreakAfterFailures),
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromSeconds(Math.Max(1, options.BreakSeconds)),
            })
            .Build();
        maxWait = TimeSpan.FromSeconds(Math.Max(1, options.MaxQueueWaitSeconds));
    }

    public ErpGovernorOptions Options { get; }

    /// <summary>Waits for this call's turn: one token from the bucket and one concurrency slot, held until disposed.</summary>
    public async Task<IDisposable> AcquireCallAsync(CancellationToken cancellationToken)
    {
        using var waitLimit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        waitLimit.CancelAfter(maxWait);
        RateLimitLease? slot = null;
        try
        {
            using (var token = await bucket.AcquireAsync(1, waitLimit.Token))
            {
                if (!token.IsAcquired)
                {
                    throw new ErpTransientException("The ERP governor could not grant a call token.");
                }
            }

            slot = await concurrency.AcquireAsync(1, waitLimit.Token);
            if (!slot.IsAcquired)
            {
                slot.Dispose();
                throw new ErpTransientException("The ERP governor could not grant a call slot.");
            }

            return slot;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            slot?.Dispose();
            throw new ErpTransientException($"Waited over {maxWait.TotalSeconds:0} s for an ERP call slot.");
        }
    }

    /// <summary>Runs one ERP operation behind the circuit breaker; an open circuit is reported as transient.</summary>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        try
        {
            return await breaker.ExecuteAsync(async ct => await operation(ct), cancellationToken);
        }
        catch (BrokenCircuitException ex)
        {
            throw new ErpTransientException("The ERP circuit is open after repeated failures; the call will be retried later.", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await bucket.DisposeAsync();
        await concurrency.DisposeAsync();
    }
}
