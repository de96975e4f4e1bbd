namespace ServerlessSync.Pipeline.Events;

/// <summary>The <c>eventType</c> (and Service Bus <c>Subject</c>) of an order event; docs/order-events.md documents each.</summary>
public static class OrderEventTypes
{
    /// <summary>The order was recorded at intake (first push or pull of it); published by the intake consumer, off the ack path.</summary>
    public const string Received = "received";
    public const string Synced = "synced";
    public const string Failed = "failed";
    public const string PendingStock = "pending-stock";
    public const string Quarantined = "quarantined";

    public static readonly IReadOnlyList<string> All = [Received, Synced, Failed, PendingStock, Quarantined];

    /// <summary>The event a ledger status publishes, or null for statuses downstream systems are not told about.</summary>
    public static string? For(SyncStatus status) => status switch
    {
        SyncStatus.Synced => Synced,
        SyncStatus.Failed => Failed,
        SyncStatus.PendingStock => PendingStock,
        SyncStatus.Quarantined => Quarantined,
        _ => null,
    };
}
