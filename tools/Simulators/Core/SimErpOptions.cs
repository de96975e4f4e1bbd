namespace ServerlessSync.Simulators.Core;

/// <summary>
/// The capacity, fault and stock knobs every ERP simulator has (bound from <c>Simulators:{Erp}</c> with the ERP's own
/// knobs). The simulator reads them on every call, so a test may change them on the registered instance while the host
/// runs. How an ERP answers a refusal (its throttling code, HTTP status) is on its options class.
/// </summary>
public abstract class SimErpOptions
{
    /// <summary>Token-bucket rate over all calls (burst = one second's worth); above it the ERP's throttling answer. 0 = unlimited.</summary>
    public double MaxCallsPerSecond { get; set; } = 20;

    /// <summary>Calls in flight at once; above it the ERP's concurrency answer. 0 = unlimited.</summary>
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

    /// <summary>Probability (0..1) a create that stored something then never answers: it holds the response for
    /// <see cref="CommitThenTimeoutHoldMs"/> (or until the client gives up) and aborts the connection. Rolled once per
    /// call, so a batch create commits every valid document and loses the answer for all of them.</summary>
    public double CommitThenTimeoutRate { get; set; }

    /// <summary>How long a commit-then-timeout create holds the response before aborting; bounded so nothing hangs forever.</summary>
    public int CommitThenTimeoutHoldMs { get; set; } = 35_000;

    /// <summary>Probability (0..1) a valid create (or one valid row of a batch) is refused as a business error.</summary>
    public double BusinessRejectRate { get; set; }

    /// <summary>Seed of the fault dice; null = a random seed.</summary>
    public int? Seed { get; set; }

    /// <summary>Materials that exist besides the demo catalogue's.</summary>
    public List<string> ExtraMaterials { get; set; } = [];

    /// <summary>Seeded stock for every known material unless <see cref="Stock"/> names it.</summary>
    public decimal DefaultStock { get; set; } = DemoCatalog.DefaultStock;

    /// <summary>Seeded stock per material, overriding <see cref="DefaultStock"/>.</summary>
    public Dictionary<string, decimal> Stock { get; set; } = [];

    /// <summary>
    /// When above 0, every sales order that can ship and shipped nothing is shipped whole (one outbound document with
    /// <see cref="ShipCarrier"/> and a generated waybill) this many seconds after it was saved; checked when the ERP's
    /// shipment query is called.
    /// </summary>
    public double AutoShipAfterSeconds { get; set; }

    /// <summary>The carrier (as the ERP names it) the warehouse ships with unless told otherwise.</summary>
    public string ShipCarrier { get; set; } = "SF";
}
