using ServerlessSync.Simulators.Core;

namespace ServerlessSync.Simulators.Kuaishou;

/// <summary>
/// Knobs of the Kuaishou (快手小店) simulator, bound from <c>Simulators:Kuaishou</c>
/// (the shared open-API knobs on <see cref="SimPlatformOptions"/>). Throttled calls answer the throttling envelope.
/// </summary>
public sealed class KuaishouSimulatorOptions : SimPlatformOptions
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

    /// <summary>Requests whose <c>timestamp</c> (ms) is further than this from the simulator's clock are refused.</summary>
    public int MaxTimestampSkewSeconds { get; set; } = 600;
}
