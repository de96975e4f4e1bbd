namespace ServerlessSync.Simulators.YonBip;

/// <summary>
/// Knobs of the YonBIP open-API simulator, bound from <c>Simulators:YonBip</c>. The simulator reads them on every
/// call, so a test may change them on the registered instance while the host runs.
/// </summary>
public sealed class YonBipSimulatorOptions
{
    public string AppKey { get; set; } = "sim-yonbip-app-key";

    public string AppSecret { get; set; } = "sim-yonbip-app-secret";

    /// <summary>The tenant getGatewayAddress knows.</summary>
    public string TenantId { get; set; } = "sim-tenant";

    /// <summary>Lifetime of an access token (the real one: 7200 s); older tokens answer 310036.</summary>
    public int TokenLifetimeSeconds { get; set; } = 7200;

    /// <summary>How long a successful singleSave result is replayed for its resubmitCheckKey (the real one: 1 h).</summary>
    public int ResubmitCheckKeyWindowSeconds { get; set; } = 3600;

    /// <summary>True: batchsubmit leaves the order 审批中 (nextStatus APPROVING) and batchaudit confirms it. False: the
    /// tenant has no approval step and batchsubmit confirms the order at once (nextStatus CONFIRMORDER).</summary>
    public bool SubmitNeedsAudit { get; set; } = true;

    /// <summary>The header define the simulator reports as the platform order number (netOrderBillNo).</summary>
    public string ExternalOrderNoDefine { get; set; } = "define13";

    /// <summary>Token-bucket rate over all calls (burst = one second's worth); above it the call answers 310046. 0 = unlimited.</summary>
    public double MaxCallsPerSecond { get; set; } = 20;

    /// <summary>Calls in flight at once; above it the call answers 310039 (app-level limit). 0 = unlimited.</summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>Calls per minute to each of singleSave, list and detail (the real tenant: 60 from 2026-03-31);
    /// above it 310046. 0 = off, the default, so demo bursts are paced by <see cref="MaxCallsPerSecond"/> only.</summary>
    public int SalesOrderCallsPerMinute { get; set; }

    /// <summary>Added delay before every answer.</summary>
    public int LatencyMs { get; set; }

    /// <summary>
    /// A faulty gateway: sales-order look-ups ignore their filter and answer every order the simulator holds (what a
    /// proxy dropping the query string, or a filter on a field the tenant does not have, would do).
    /// </summary>
    public bool OrderLookupIgnoresFilter { get; set; }

    /// <summary>Probability (0..1) a call answers HTTP 500 without doing anything.</summary>
    public double TransientFailureRate { get; set; }

    /// <summary>Probability (0..1) a singleSave stores the order and then never answers: it holds the response for
    /// <see cref="CommitThenTimeoutHoldMs"/> (or until the client gives up) and aborts the connection.</summary>
    public double CommitThenTimeoutRate { get; set; }

    public int CommitThenTimeoutHoldMs { get; set; } = 35_000;

    /// <summary>Probability (0..1) a valid singleSave is refused with code 999.</summary>
    public double BusinessRejectRate { get; set; }

    /// <summary>Seed of the fault dice; null = a random seed.</summary>
    public int? Seed { get; set; }

    /// <summary>Products (material codes) that exist besides the demo catalogue's.</summary>
    public List<string> ExtraMaterials { get; set; } = [];

    /// <summary>Stock org and warehouse the seeded stock sits in.</summary>
    public string StockOrg { get; set; } = DemoCatalog.SalesOrgNumber;

    public string StockWarehouse { get; set; } = DemoCatalog.WarehouseNumber;

    public decimal DefaultStock { get; set; } = DemoCatalog.DefaultStock;

    /// <summary>Seeded stock per material, overriding <see cref="DefaultStock"/>.</summary>
    public Dictionary<string, decimal> Stock { get; set; } = [];

    /// <summary>
    /// When above 0, every audited sales order is shipped whole (one 销售出库单 with carrier <see cref="ShipCarrier"/> and a
    /// generated waybill) this many seconds after it was saved; checked when scm/salesout/list is called.
    /// </summary>
    public double AutoShipAfterSeconds { get; set; }

    /// <summary>The carrier (<c>iLogisticId</c>) the warehouse ships with unless told otherwise.</summary>
    public string ShipCarrier { get; set; } = "SF";
}
