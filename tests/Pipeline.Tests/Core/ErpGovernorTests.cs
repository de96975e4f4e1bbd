using System.Diagnostics;
using Polly.CircuitBreaker;

namespace ServerlessSync.Pipeline.Tests.Core;

/// <summary>Timing tests run alone, so other tests' load does not stall the clock they measure.</summary>
[CollectionDefinition(nameof(TimingSensitive), DisableParallelization = true)]
public sealed class TimingSensitive;

[Collection(nameof(TimingSensitive))]
public class ErpGovernorTests
{
    [Fact]
    public async Task Forty_callers_never_exceed_the_concurrency_limit_or_the_call_rate()
    {
        var options = new ErpGovernorOptions { MaxCallsPerSecond = 10, MaxConcurrency = 3, MaxQueueWaitSeconds = 30 };
        await using var governor = new ErpGovernor(options);
        var clock = Stopwatch.StartNew();
        var acquiredAt = new List<TimeSpan>();
        var inFlight = 0;
        var maxInFlight = 0;

        var acquisitions = 0;

        async Task CallAsync()
        {
            using (await governor.AcquireCallAsync(default))
            {
                var order = Interlocked.Increment(ref acquisitions);
                var now = Interlocked.Increment(ref inFlight);
                lock (acquiredAt)
                {
                    acquiredAt.Add(clock.Elapsed);
                    maxInFlight = Math.Max(maxInFlight, now);
                }

                // The first calls are slow (the ERP is busy), the rest fast: slots then free up all at once,
                // which must not let a burst of calls through.
                await Task.Delay(order <= options.MaxConcurrency ? 500 : 20);
                Interlocked.Decrement(ref inFlight);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(CallAsync)));
        clock.Stop();

        Assert.Equal(40, acquiredAt.Count);
        Assert.InRange(maxInFlight, 1, options.MaxConcurrency);
        var sorted = acquiredAt.Order().ToList();
        var busiest = sorted.Select(start => sorted.Count(t => t >= start && t < start + TimeSpan.FromSeconds(1))).Max();
        Assert.True(busiest <= options.MaxCallsPerSecond + 1, $"{busiest} calls began within one second: {string.Join(" ", sorted.Select(t => (int)t.TotalMilliseconds))}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(7), $"took {clock.Elapsed}"); // about 4.3 s when the machine is idle
        Assert.True(clock.Elapsed > TimeSpan.FromSeconds(3.5), $"40 calls at 10/s cannot finish in {clock.Elapsed}");
    }

    [Fact]
    public async Task A_caller_waiting_too_long_gets_a_transient_error_and_frees_nothing_it_does_not_hold()
    {
        await using var governor = new ErpGovernor(new ErpGovernorOptions { MaxCallsPerSecond = 100, MaxConcurrency = 1, MaxQueueWaitSeconds = 1 });
        var held = await governor.AcquireCallAsync(default);

        await Assert.ThrowsAsync<ErpTransientException>(() => governor.AcquireCallAsync(default));

        held.Dispose();
        using var next = await governor.AcquireCallAsync(default); // the slot is usable again
    }

    [Fact]
    public async Task Repeated_transient_failures_open_the_circuit_and_it_reports_transient()
    {
        await using var governor = new ErpGovernor(new ErpGovernorOptions { BreakAfterFailures = 3, BreakSeconds = 30 });
        for (var i = 0; i < 3; i++)
        {
            var failure = await Assert.ThrowsAsync<ErpTransientException>(() =>
                governor.RunAsync<int>(_ => throw new ErpTransientException("HTTP 503 from the ERP"), default));
            Assert.Equal("HTTP 503 from the ERP", failure.Message);
        }

        var called = false;
        var open = await Assert.ThrowsAsync<ErpTransientException>(() => governor.RunAsync(_ =>
        {
            called = true;
            return Task.FromResult(1);
        }, default));

        Assert.False(called);
        Assert.IsAssignableFrom<BrokenCircuitException>(open.InnerException);
    }

    [Fact]
    public async Task Business_errors_do_not_open_the_circuit()
    {
        await using var governor = new ErpGovernor(new ErpGovernorOptions { BreakAfterFailures = 2, BreakSeconds = 30 });
        for (var i = 0; i < 5; i++)
        {
            await Assert.ThrowsAsync<ErpProtocolException>(() => governor.RunAsync<int>(_ => throw new ErpProtocolException("bad answer"), default));
        }

        Assert.Equal(7, await governor.RunAsync(_ => Task.FromResult(7), default));
    }
}
