namespace ServerlessSync.Simulators.Core;

/// <summary>
/// The open-API capacity and fault knobs every platform simulator has (bound from <c>Simulators:{Platform}</c> with the
/// platform's own knobs). How a platform answers a throttled call (its code and message) is on its options class.
/// </summary>
public abstract class SimPlatformOptions
{
    /// <summary>
    /// Open-API calls allowed per second (token bucket, burst of one second's worth); beyond it a call gets the platform's
    /// throttling answer. The platforms' real limits are per app and per API and mostly unpublished, so 0 (the default)
    /// leaves the rate unlimited.
    /// </summary>
    public double MaxCallsPerSecond { get; set; }

    /// <summary>Added delay before every open-API answer.</summary>
    public int ApiLatencyMs { get; set; }

    /// <summary>Probability (0..1) an open-API call answers HTTP 500.</summary>
    public double ApiFailureRate { get; set; }

    /// <summary>Probability (0..1) an open-API call gets the platform's throttling answer regardless of the rate.</summary>
    public double ThrottleRate { get; set; }

    /// <summary>Makes generated orders and the failure/throttle draws reproducible; null draws a fresh seed.</summary>
    public int? Seed { get; set; }
}
