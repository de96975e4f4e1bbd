namespace ServerlessSync.Simulators.Kingdee;

/// <summary>
/// Knobs of the Kingdee K/3 Cloud WebAPI simulator, bound from <c>Simulators:Kingdee</c>. The simulator reads them on
/// every call, so a test may change them on the registered instance while the host runs.
/// </summary>
public sealed class KingdeeSimulatorOptions
{
    public string AcctId { get; set; } = "sim-acct";

    public string UserName { get; set; } = "sim-user";

    /// <summary>Shaped like a real AppID: <c>{clientId}_{32 chars}</c>.</summary>
    public string AppId { get; set; } = "sim-app_0123456789abcdef0123456789abcdef";

    public string AppSecret { get; set; } = "sim-app-secret";

    /// <summary>Token-bucket rate over all calls (burst = one second's worth); above it the call answers MsgCode 14. 0 = unlimited.</summary>
    public double MaxCallsPerSecond { get; set; } = 20;

    /// <summary>Calls in flight at once; above it the call answers MsgCode 14. 0 = unlimited.</summary>
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

    /// <summary>Probability (0..1) a Save or BatchSave stores its bills and then never answers: it holds the response for
    /// <see cref="CommitThenTimeoutHoldMs"/> (or until the client gives up) and aborts the connection. Rolled once per call,
    /// so a BatchSave commits every valid bill and loses the answer for all of them.</summary>
    public double CommitThenTimeoutRate { get; set; }

    /// <summary>How long a commit-then-timeout Save holds the response before aborting; bounded so nothing hangs forever.</summary>
    public int CommitThenTimeoutHoldMs { get; set; } = 35_000;

    /// <summary>
    /// Probability (0..1) a Save or BatchSave commits late: the server works on it for <see cref="SlowCommitSeconds"/>
    /// and only then stores its bills, whether or not the client is still waiting (a server that carries on after the
    /// client's timeout, as IIS does until its own request time-out). The answer goes out if the client is still there.
    /// </summary>
    public double SlowCommitRate { get; set; }

    /// <summary>How long after the request a slow commit stores its bills.</summary>
    public int SlowCommitSeconds { get; set; } = 40;

    /// <summary>Probability (0..1) a valid Save, or one valid BatchSave row, is refused with MsgCode 11 (for the row's DIndex).</summary>
    public double BusinessRejectRate { get; set; }

    /// <summary>
    /// Platform order numbers (FNetOrderBillNo) that garble a BatchSave answer: a BatchSave carrying one of them stores
    /// nothing and answers success for a row it was not sent (DIndex = the number of rows), so the client cannot match the
    /// answer to its documents. Models a gateway that mangles the reply to one odd document.
    /// </summary>
    public List<string> UnattributableOrderNos { get; set; } = [];

    /// <summary>The next this-many STK_Inventory queries answer HTTP 500 (a stock service outage), then queries work again.</summary>
    public int FailStockQueries { get; set; }

    /// <summary>
    /// When above 0, every audited sales order that has shipped nothing is shipped whole (one 销售出库单 with
    /// <see cref="ShipCarrier"/> and a generated waybill) this many seconds after it was saved; checked when SAL_OUTSTOCK is queried.
    /// </summary>
    public double AutoShipAfterSeconds { get; set; }

    /// <summary>The carrier (承运商 FCarrierID number) the simulator ships with unless told otherwise.</summary>
    public string ShipCarrier { get; set; } = "SF";

    /// <summary>Seed of the fault dice; null = a random seed.</summary>
    public int? Seed { get; set; }

    /// <summary>Materials that exist besides the demo catalogue's.</summary>
    public List<string> ExtraMaterials { get; set; } = [];

    /// <summary>Warehouse the seeded stock sits in.</summary>
    public string StockWarehouse { get; set; } = DemoCatalog.WarehouseNumber;

    /// <summary>Seeded stock for every known material unless <see cref="Stock"/> names it.</summary>
    public decimal DefaultStock { get; set; } = DemoCatalog.DefaultStock;

    /// <summary>Seeded stock per material (in <see cref="StockWarehouse"/>), overriding <see cref="DefaultStock"/>.</summary>
    public Dictionary<string, decimal> Stock { get; set; } = [];
}
