using ServerlessSync.Domain.Alerts;
using ServerlessSync.Domain.Erp;
using ServerlessSync.Domain.Mapping;

namespace ServerlessSync.Pipeline.Sync;

/// <summary>Input of one SyncOrder run: which order changed and why (the why is informational; the run is level-triggered).</summary>
/// <param name="Retries">The run's retry settings, fixed when it started; null in runs started before they travelled here (<see cref="SyncRetryPlan.Defaults"/>).</param>
public sealed record SyncOrderInput(OrderKey Key, string Event, string MsgId, SyncRetryPlan? Retries = null);

/// <summary>The order as the platform reports it now (status mapped through the shop's profile) and the plan for it.</summary>
public sealed record PreparedOrder(OrderSummary Order, SyncPlan Plan)
{
    /// <summary>Set when another run holds the order's lease: the order was read and planned, but this run must wait its turn.</summary>
    public Ledger.OrderLease? HeldBy { get; init; }
}

/// <summary>What planning decided for the order's current state.</summary>
public sealed record SyncPlan
{
    public required SyncAction Action { get; init; }

    public ErpSalesOrder? Document { get; init; }

    public IReadOnlyList<string> QuarantineReasons { get; init; } = [];

    public IReadOnlyList<string> HoldReasons { get; init; } = [];

    public IReadOnlyList<string> UnmappedSkus { get; init; } = [];

    public string? ErpOrderNumber { get; init; }

    public StockPolicy StockPolicy { get; init; } = StockPolicy.Hold;

    public int StockHoldMinutes { get; init; }

    public int StockRecheckSeconds { get; init; }

    /// <summary>The alert target for failures toward the shop's ERP, e.g. "erp:Kingdee".</summary>
    public string ErpTarget { get; init; } = "erp";

    public bool IsQuarantined => QuarantineReasons.Count > 0;
}

public sealed record StockCheckResult(IReadOnlyList<StockShortage> Shortages)
{
    public bool IsShort => Shortages.Count > 0;

    public string Describe() => string.Join("; ", Shortages.Select(s => $"{s.MaterialNumber}: need {s.Required}, have {s.Available}"));
}

/// <summary>A ledger change: the new sync status and why.</summary>
/// <param name="ErpTarget">Set when the ERP write succeeded, to reset that ERP's consecutive-failure count.</param>
/// <param name="UnmappedSkus">For a quarantined order: the SKUs without a mapping, so the quarantine list can group by SKU.</param>
/// <param name="Sales">What the dashboard counts besides the ledger row (anchor, live room, channel, products, ERP write time); null when the order could not be read.</param>
/// <param name="ReleaseLeaseOf">The run whose lease on the order ends with this write (its last one), or null to keep it.</param>
public sealed record WriteBackRequest(OrderKey Key, SyncStatus Status, string Note, OrderStatus? PlatformStatus = null, long PaidAmountFen = 0, string? ErpOrderNumber = null, string? Reason = null, string? ErpTarget = null, IReadOnlyList<string>? UnmappedSkus = null, OrderSalesFacts? Sales = null, string? ReleaseLeaseOf = null);

public sealed record AlertRequest(AlertKind Kind, string Target, string InstanceId, string Reason);

public sealed record SyncOrderResult(SyncStatus Status, string? ErpOrderNumber, string? Reason);
