namespace ServerlessSync.Simulators.Kuaishou;

/// <summary>Knobs of the Kuaishou (快手小店) simulator, bound from <c>Simulators:Kuaishou</c>.</summary>
public sealed class KuaishouSimulatorOptions
{
    public string AppKey { get; set; } = "sim-kuaishou-app-key";

    /// <summary>Not used by the order APIs (they are signed with <see cref="SignSecret"/>); kept so configuration mirrors the platform's.</summary>
    public string AppSecret { get; set; } = "sim-kuaishou-app-secret";

    public string SignSecret { get; set; } = "sim-kuaishou-sign-secret";

    /// <summary>Base64 of the 16-byte AES key "sim-kuaishou-msg" that encrypts pushes.</summary>
    public string MessageKey { get; set; } = "c2ltLWt1YWlzaG91LW1zZw==";

    /// <summary>The access token of <see cref="SellerId"/>. Any other seller's token is <c>sim-kuaishou-token-{sellerId}</c>.</summary>
    public string AccessToken { get; set; } = "sim-kuaishou-access-token";

    /// <summary>The demo shop: a 快手 seller id (userId).</summary>
    public string SellerId { get; set; } = "5000100";

    /// <summary>Added delay before every open-API answer.</summary>
    public int ApiLatencyMs { get; set; }

    /// <summary>Probability (0..1) an open-API call answers HTTP 500.</summary>
    public double ApiFailureRate { get; set; }

    /// <summary>Probability (0..1) an open-API call answers the throttling envelope.</summary>
    public double ThrottleRate { get; set; }

    /// <summary>Makes generated orders and the failure/throttle draws reproducible; null draws a fresh seed.</summary>
    public int? Seed { get; set; }

    /// <summary>Requests whose <c>timestamp</c> (ms) is further than this from the simulator's clock are refused.</summary>
    public int MaxTimestampSkewSeconds { get; set; } = 600;
}
