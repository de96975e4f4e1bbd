using Microsoft.AspNetCore.Http;

namespace ServerlessSync.Simulators.Core;

/// <summary>
/// The open-API limits and injected faults of a platform simulator: the latency knob, the failure dice (HTTP 500), and
/// throttling (over <see cref="SimPlatformOptions.MaxCallsPerSecond"/> or drawn at <see cref="SimPlatformOptions.ThrottleRate"/>).
/// Each platform registers its own subclass, so their dice and rate gates stay apart.
/// </summary>
public abstract class SimApiFaults(SimPlatformOptions options, TimeProvider time)
{
    // Seeded one past the orders' seed, so the fault draws do not replay the generated orders' random sequence.
    private readonly SimDice _dice = new(options.Seed + 1);
    private readonly SimRateGate _rate = new(time);

    /// <summary>The configured latency, then the failure dice: the HTTP 500 to answer instead of the call, or null.</summary>
    public async Task<IResult?> DelayOrFailAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (options.ApiLatencyMs > 0)
        {
            await Task.Delay(options.ApiLatencyMs, http.RequestAborted);
        }

        return NextFails() ? Results.Text("internal server error", "text/plain", statusCode: StatusCodes.Status500InternalServerError) : null;
    }

    public bool NextFails() => _dice.Roll(options.ApiFailureRate);

    /// <summary>True when the call is over the rate or drawn as throttled: answer the platform's throttling error.</summary>
    public bool NextThrottled() => !_rate.TryTake(options.MaxCallsPerSecond) || _dice.Roll(options.ThrottleRate);
}
