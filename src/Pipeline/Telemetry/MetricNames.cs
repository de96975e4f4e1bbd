namespace ServerlessSync.Pipeline.Telemetry;

/// <summary>
/// Instrument and tag names of the <c>ServerlessSync</c> meter. They become <c>customMetrics.name</c> and
/// <c>customDimensions</c> keys in Application Insights, so the KQL in <c>infra/monitoring</c> uses them verbatim.
/// </summary>
public static class MetricNames
{
    public const string Meter = "ServerlessSync";

    public const string OrdersReceived = "orders.received";
    public const string OrdersSynced = "orders.synced";
    public const string OrdersQuarantined = "orders.quarantined";
    public const string OrdersPendingStock = "orders.pending_stock";
    public const string OrdersFailed = "orders.failed";

    /// <summary>Seconds an order has been waiting for stock, recorded at every stock re-check that finds it short.</summary>
    public const string PendingStockAge = "orders.pending_stock.age";

    /// <summary>Seconds from the hub accepting an event (intake message AcceptedAt) to its SyncOrder run starting.</summary>
    public const string QueueLag = "orders.queue.lag";

    public const string ErpCallDuration = "erp.call.duration";
    public const string ErpThrottled = "erp.throttled";

    public const string PlatformTag = "platform";
    public const string ShopTag = "shop";
    public const string ErpTag = "erp";
    public const string OperationTag = "operation";
    public const string OutcomeTag = "outcome";
    public const string ReasonTag = "reason";
}
