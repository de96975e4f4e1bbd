namespace ServerlessSync.Simulators.Sap;

/// <summary>
/// Knobs of the SAP S/4HANA OData simulator, bound from <c>Simulators:Sap</c>. The simulator reads them on every call, so a
/// test may change them on the registered instance while the host runs.
/// </summary>
public sealed class SapSimulatorOptions
{
    /// <summary>The communication user, checked with Basic auth.</summary>
    public string UserName { get; set; } = "SIM_COMM_USER";

    public string Password { get; set; } = "sim-sap-password";

    /// <summary>System id and client: they name the session cookies (<c>SAP_SESSIONID_S4H_100</c>, <c>sap-XSRF_S4H_100</c>).</summary>
    public string SystemId { get; set; } = "S4H";

    public string Client { get; set; } = "100";

    /// <summary>The one sales area the system knows; an order for another is refused.</summary>
    public string SalesOrganization { get; set; } = SapSimCatalog.SalesOrganization;

    public string DistributionChannel { get; set; } = SapSimCatalog.DistributionChannel;

    public string OrganizationDivision { get; set; } = SapSimCatalog.OrganizationDivision;

    /// <summary>Plant and storage location the demo stock sits in.</summary>
    public string Plant { get; set; } = SapSimCatalog.Plant;

    public string StorageLocation { get; set; } = SapSimCatalog.StorageLocation;

    /// <summary>Condition types that may be entered by hand on an item (customizing).</summary>
    public List<string> ManualConditionTypes { get; set; } = ["PPR0"];

    /// <summary>Item categories priced at zero as free goods (customizing).</summary>
    public List<string> FreeGoodsItemCategories { get; set; } = ["TANN"];

    /// <summary>
    /// Calls per second over all calls (token bucket, burst = one second's worth); above it the call answers 429 with
    /// Retry-After, as SAP API Management and the BTP gateways do. 0 = unlimited.
    /// </summary>
    public double MaxCallsPerSecond { get; set; } = 20;

    /// <summary>
    /// Calls in flight at once; above it the call answers 503, as an on-premise ICM/Web Dispatcher does when no dialog
    /// work process is free. 0 = unlimited.
    /// </summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>Added delay before every answer.</summary>
    public int LatencyMs { get; set; }

    /// <summary>
    /// A faulty gateway: sales-order look-ups ignore their filter and answer every order the simulator holds (what a
    /// proxy dropping the query string, or a filter on a field the tenant does not have, would do).
    /// </summary>
    public bool OrderLookupIgnoresFilter { get; set; }

    /// <summary>Probability (0..1) a call answers HTTP 500 with an OData error without doing anything.</summary>
    public double TransientFailureRate { get; set; }

    /// <summary>Probability (0..1) a create stores the order and then never answers: it holds the response for
    /// <see cref="CommitThenTimeoutHoldMs"/> (or until the client gives up) and aborts the connection.</summary>
    public double CommitThenTimeoutRate { get; set; }

    public int CommitThenTimeoutHoldMs { get; set; } = 35_000;

    /// <summary>Probability (0..1) a valid create is refused with 400 and an SD error (credit check).</summary>
    public double BusinessRejectRate { get; set; }

    /// <summary>Seed of the fault dice; null = a random seed.</summary>
    public int? Seed { get; set; }

    /// <summary>A session (and with it its CSRF token) expires after this long unused.</summary>
    public int SessionIdleSeconds { get; set; } = 1800;

    /// <summary>Rows per page of a collection; more follow through <c>__next</c> with <c>$skiptoken</c>.</summary>
    public int ServerPageSize { get; set; } = 100;

    /// <summary>Materials that exist besides the demo catalogue's.</summary>
    public List<string> ExtraMaterials { get; set; } = [];

    /// <summary>Seeded unrestricted-use stock of every known material in <see cref="Plant"/>/<see cref="StorageLocation"/>.</summary>
    public decimal DefaultStock { get; set; } = DemoCatalog.DefaultStock;

    /// <summary>Seeded unrestricted-use stock per material, overriding <see cref="DefaultStock"/>.</summary>
    public Dictionary<string, decimal> Stock { get; set; } = [];

    /// <summary>
    /// When above 0, every sales order with an open item is delivered whole (one outbound delivery, goods issue posted,
    /// forwarding agent <see cref="ShipCarrier"/>, a generated bill of lading) this many seconds after it was created;
    /// checked when A_OutbDeliveryHeader is queried.
    /// </summary>
    public double AutoShipAfterSeconds { get; set; }

    /// <summary>The forwarding agent (partner function SP, its supplier number) the warehouse ships with unless told otherwise.</summary>
    public string ShipCarrier { get; set; } = "SF";
}
