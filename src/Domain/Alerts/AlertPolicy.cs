namespace ServerlessSync.Domain.Alerts;

public enum AlertKind
{
    ErpRejected = 0,
    ErpRetriesExhausted = 1,
    Quarantined = 2,
    PendingStock = 3,
    CancelledAfterErp = 4,

    /// <summary>The ERP write succeeded but recording it (ledger, stats, order event) keeps failing; retried durably.</summary>
    WriteBackFailed = 5,

    /// <summary>An intake message failed its last try and was moved to the poison queue.</summary>
    IntakePoisoned = 20,

    /// <summary>A shop's pull failed (every shop alerts on its own).</summary>
    PullFailed = 21,

    /// <summary>A platform's list page held an entry that cannot be read; it was skipped and kept for a person.</summary>
    PullEntrySkipped = 22,

    /// <summary>A verified push names a shop that is not configured; it was acknowledged and kept until the shop is.</summary>
    PushForUnknownShop = 23,

    /// <summary>Writing the ERP number to a platform order's seller note failed again (or was given up); the order stays synced.</summary>
    SellerNoteFailed = 30,

    /// <summary>Sending an ERP shipment's carrier and waybill to the platform order failed again, was refused or was given up.</summary>
    ShipmentFailed = 35,
    /// <summary>Pushing a SKU's stock to the platform failed again (retried later), or a shop's stock push stopped.</summary>
    StockPushFailed = 40,
}

/// <summary>What the alert policy remembers per target (an ERP endpoint, or a shop for order-level notices).</summary>
public sealed record AlertState(int ConsecutiveFailures, DateTimeOffset? LastSentAt)
{
    public static readonly AlertState Fresh = new(0, null);
}

public sealed record AlertDecision(bool Send, AlertState Next);

/// <summary>
/// Failures toward one ERP alert only after <see cref="FailureThreshold"/> in a row (one bad order is not an
/// outage); order-level notices (quarantine, pending stock) alert at once. Either way a target is not alerted
/// again within <see cref="DedupeWindow"/>.
/// </summary>
public sealed record AlertPolicy(int FailureThreshold, TimeSpan DedupeWindow)
{
    public static readonly AlertPolicy Default = new(3, TimeSpan.FromMinutes(10));

    public static bool CountsAsErpFailure(AlertKind kind) => kind is AlertKind.ErpRejected or AlertKind.ErpRetriesExhausted;

    public AlertDecision OnFailure(AlertState state, AlertKind kind, DateTimeOffset now)
    {
        var failures = CountsAsErpFailure(kind) ? state.ConsecutiveFailures + 1 : state.ConsecutiveFailures;
        var due = !CountsAsErpFailure(kind) || failures >= FailureThreshold;
        var recentlySent = state.LastSentAt is { } last && now - last < DedupeWindow;
        var send = due && !recentlySent;
        return new AlertDecision(send, new AlertState(failures, send ? now : state.LastSentAt));
    }

    public static AlertState OnSuccess(AlertState state) => state with { ConsecutiveFailures = 0 };
}
