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

    /// <summary>Seconds the oldest visible message of the intake queue has waited, sampled every minute (0 when empty).</summary>
    public const string IntakeBacklogAge = "orders.intake.backlog_age";

    /// <summary>Messages waiting in the intake poison queue, sampled every minute.</summary>
    public const string IntakePoisonDepth = "orders.intake.poison_depth";

    public const string ErpCallDuration = "erp.call.duration";
    public const string ErpThrottled = "erp.throttled";

    public const string PlatformTag = "platform";
    public const string ShopTag = "shop";
    public const string ErpTag = "erp";
    public const string OperationTag = "operation";
    public const string OutcomeTag = "outcome";
    public const string ReasonTag = "reason";
    public const string QueueTag = "queue";
}
