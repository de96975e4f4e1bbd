using ServerlessSync.Simulators.Core;

namespace ServerlessSync.Simulators.Kingdee;

/// <summary>
/// Knobs of the Kingdee K/3 Cloud WebAPI simulator, bound from <c>Simulators:Kingdee</c> (the shared ones on
/// <see cref="SimErpOptions"/>). Over the rate or the concurrency cap a call answers MsgCode 14; a business reject is
/// MsgCode 11 for the row's DIndex; a commit-then-timeout is rolled once per Save or BatchSave.
/// </summary>
public sealed class KingdeeSimulatorOptions : SimErpOptions
{
    public string AcctId { get; set; } = "sim-acct";

    public string UserName { get; set; } = "sim-user";

    /// <summary>Shaped like a real AppID: <c>{clientId}_{32 chars}</c>.</summary>
    public string AppId { get; set; } = "sim-app_0123456789abcdef0123456789abcdef";

    public string AppSecret { get; set; } = "sim-app-secret";

    /// <summary>
    /// Probability (0..1) a Save or BatchSave commits late: the server works on it for <see cref="SlowCommitSeconds"/>
    /// and only then stores its bills, whether or not the client is still waiting (a server that carries on after the
    /// client's timeout, as IIS does until its own request time-out). The answer goes out if the client is still there.
    /// </summary>
    public double SlowCommitRate { get; set; }

    /// <summary>How long after the request a slow commit stores its bills.</summary>
    public int SlowCommitSeconds { get; set; } = 40;

    /// <summary>
    /// Platform order numbers (FNetOrderBillNo) that garble a BatchSave answer: a BatchSave carrying one of them stores
    /// nothing and answers success for a row it was not sent (DIndex = the number of rows), so the client cannot match the
    /// answer to its documents. Models a gateway that mangles the reply to one odd document.
    /// </summary>
    public List<string> UnattributableOrderNos { get; set; } = [];

    /// <summary>The next this-many STK_Inventory queries answer HTTP 500 (a stock service outage), then queries work again.</summary>
    public int FailStockQueries { get; set; }

    /// <summary>Warehouse the seeded stock sits in.</summary>
    public string StockWarehouse { get; set; } = DemoCatalog.WarehouseNumber;
}
