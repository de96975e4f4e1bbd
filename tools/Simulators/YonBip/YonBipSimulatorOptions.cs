using ServerlessSync.Simulators.Core;

namespace ServerlessSync.Simulators.YonBip;

/// <summary>
/// Knobs of the YonBIP open-API simulator, bound from <c>Simulators:YonBip</c> (the shared ones on <see cref="SimErpOptions"/>).
/// Over the rate a call answers 310046 (API-level limit), over the concurrency cap 310039 (app-level limit); a business
/// reject of a valid singleSave is code 999; a commit-then-timeout is rolled on a singleSave that stored its order.
/// Shipping makes 销售出库单 of audited orders, the carrier being <c>iLogisticId</c>.
/// </summary>
public sealed class YonBipSimulatorOptions : SimErpOptions
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

    /// <summary>Calls per minute to each of singleSave, list and detail (the real tenant: 60 from 2026-03-31);
    /// above it 310046. 0 = off, the default, so demo bursts are paced by <see cref="SimErpOptions.MaxCallsPerSecond"/> only.</summary>
    public int SalesOrderCallsPerMinute { get; set; }

    /// <summary>Stock org and warehouse the seeded stock sits in.</summary>
    public string StockOrg { get; set; } = DemoCatalog.SalesOrgNumber;

    public string StockWarehouse { get; set; } = DemoCatalog.WarehouseNumber;
}
