namespace ServerlessSync.Simulators.Jushuitan;

/// <summary>
/// Knobs of the Jushuitan open-API simulator, bound from <c>Simulators:Jushuitan</c>. The simulator reads them on
/// every call, so a test may change them on the registered instance while the host runs.
/// </summary>
public sealed class JushuitanSimulatorOptions
{
    public string AppKey { get; set; } = "sim-jst-app-key";

    public string AppSecret { get; set; } = "sim-jst-app-secret";

    /// <summary>The company's access_token (what getInitToken hands out).</summary>
    public string AccessToken { get; set; } = "sim-jst-access-token";

    /// <summary>Lifetime of the access token from simulator start-up, reset or getInitToken (the real one: 30 days).</summary>
    public int AccessTokenLifetimeSeconds { get; set; } = 2_592_000;

    /// <summary>The one shop (shop_id) orders may be uploaded to.</summary>
    public string ShopId { get; set; } = "10001";

    /// <summary>How far <c>timestamp</c> may be from the simulator's clock (the real one: 10 minutes).</summary>
    public int TimestampToleranceSeconds { get; set; } = 600;

    /// <summary>Token-bucket rate over all calls (burst = one second's worth); above it the call answers code 199. 0 = unlimited.</summary>
    public double MaxCallsPerSecond { get; set; } = 20;

    /// <summary>Calls in flight at once; above it the call answers code 200. 0 = unlimited.</summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>Added delay before every answer.</summary>
    public int LatencyMs { get; set; }

    /// <summary>
    /// A faulty gateway: sales-order look-ups ignore their filter and answer every order the simulator holds (what a
    /// proxy dropping the query string, or a filter on a field the tenant does not have, would do).
    /// </summary>
    public bool OrderLookupIgnoresFilter { get; set; }

    /// <summary>Probability (0..1) a call answers HTTP 500 without doing anything.</summary>
    public double TransientFailureRate { get; set; }

    /// <summary>Probability (0..1) an orders/upload that stored something never answers: it holds the response for
    /// <see cref="CommitThenTimeoutHoldMs"/> (or until the client gives up) and aborts the connection.</summary>
    public double CommitThenTimeoutRate { get; set; }

    public int CommitThenTimeoutHoldMs { get; set; } = 35_000;

    /// <summary>Probability (0..1) a valid upload element is refused (issuccess false).</summary>
    public double BusinessRejectRate { get; set; }

    /// <summary>Seed of the fault dice; null = a random seed.</summary>
    public int? Seed { get; set; }

    /// <summary>SKUs (ERP sku_id = material number) that exist besides the demo catalogue's.</summary>
    public List<string> ExtraMaterials { get; set; } = [];

    /// <summary>Seeded <c>qty</c> for every known SKU unless <see cref="Stock"/> names it.</summary>
    public decimal DefaultStock { get; set; } = DemoCatalog.DefaultStock;

    /// <summary>Seeded <c>qty</c> per SKU, overriding <see cref="DefaultStock"/>.</summary>
    public Dictionary<string, decimal> Stock { get; set; } = [];

    /// <summary>
    /// When above 0, every paid order is shipped whole (one 销售出库单 with carrier <see cref="ShipCarrier"/> and a generated
    /// waybill) this many seconds after it was uploaded; checked when orders/out/simple/query is called.
    /// </summary>
    public double AutoShipAfterSeconds { get; set; }

    /// <summary>The carrier code (<c>lc_id</c>) the warehouse ships with unless told otherwise.</summary>
    public string ShipCarrier { get; set; } = "SF";
}
