using Microsoft.AspNetCore.Http;

namespace ServerlessSync.Simulators.Core;

/// <summary>How an ERP answers the calls <see cref="SimErpCalls"/> refuses before the ERP's own work.</summary>
/// <param name="OverConcurrency">Answer to a call above <see cref="SimErpOptions.MaxConcurrency"/>.</param>
/// <param name="OverRate">Answer to a call above <see cref="SimErpOptions.MaxCallsPerSecond"/>.</param>
/// <param name="TransientFailure">Answer to a call the dice fail (<see cref="SimErpOptions.TransientFailureRate"/>).</param>
/// <param name="ConcurrencyCounter">What a call above the concurrency cap counts as.</param>
public sealed record SimErpRefusals(
    Func<HttpContext, Task> OverConcurrency,
    Func<HttpContext, Task> OverRate,
    Func<HttpContext, Task> TransientFailure,
    SimCounter ConcurrencyCounter = SimCounter.Throttled)
{
    /// <summary>The transient failure most ERP gateways give: HTTP 500 with a plain-text body.</summary>
    public static Task PlainServerError(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return context.Response.WriteAsync("Internal Server Error (simulated)", context.RequestAborted);
    }
}

/// <summary>
/// What every ERP simulator call meets before its own work, in this order: it is counted (per operation, per second,
/// in flight), refused above the concurrency cap, refused above the rate, delayed by the latency knob and failed by
/// the transient-failure dice. A client that goes away ends the call quietly.
/// </summary>
public static class SimErpCalls
{
    public static async Task RunAsync<TOptions>(
        HttpContext context, SimErpState<TOptions> state, string operation, SimErpRefusals refusals, Func<Task> handle)
        where TOptions : SimErpOptions
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(refusals);
        ArgumentNullException.ThrowIfNull(handle);
        var options = state.Options;
        var inFlight = state.Metrics.Enter(operation, state.Time.GetUtcNow());
        try
        {
            if (options.MaxConcurrency > 0 && inFlight > options.MaxConcurrency)
            {
                state.Metrics.Count(refusals.ConcurrencyCounter);
                await refusals.OverConcurrency(context);
                return;
            }

            if (!state.RateGate.TryTake(options.MaxCallsPerSecond))
            {
                state.Metrics.Count(SimCounter.Throttled);
                await refusals.OverRate(context);
                return;
            }

            if (options.LatencyMs > 0)
            {
                await Task.Delay(options.LatencyMs, context.RequestAborted);
            }

            if (state.Roll(options.TransientFailureRate))
            {
                state.Metrics.Count(SimCounter.TransientFailures);
                await refusals.TransientFailure(context);
                return;
            }

            await handle();
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        finally
        {
            state.Metrics.Exit();
        }
    }

    /// <summary>
    /// The commit-then-timeout fault: what was asked is committed, but the client never learns it. Holds the answer
    /// for <see cref="SimErpOptions.CommitThenTimeoutHoldMs"/> (past the client's timeout), then drops the connection.
    /// </summary>
    public static async Task HoldAndAbortAsync<TOptions>(HttpContext context, SimErpState<TOptions> state)
        where TOptions : SimErpOptions
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(state);
        state.Metrics.Count(SimCounter.CommitThenTimeouts);
        try
        {
            await Task.Delay(Math.Max(0, state.Options.CommitThenTimeoutHoldMs), context.RequestAborted);
        }
        finally
        {
            context.Abort();
        }
    }
}
