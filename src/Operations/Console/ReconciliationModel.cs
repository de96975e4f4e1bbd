using ServerlessSync.Domain.Erp;

namespace ServerlessSync.Pipeline.OpsConsole;

/// <summary>One order as the platform reports it now.</summary>
public sealed record PlatformDayOrder(string OrderId, OrderStatus Status, long PaidAmountFen);

/// <summary>What the platform side of a reconciliation found; <see cref="Orders"/> is null when the platform could not be asked.</summary>
public sealed record PlatformSide(IReadOnlyList<PlatformDayOrder>? Orders, string? Unavailable, bool Truncated);

/// <summary>What the ERP lookups found per order id (null: not in the ERP); orders past the lookup bound are absent.</summary>
public sealed record ErpSide(IReadOnlyDictionary<string, ErpOrderRef?> Found, bool Truncated, string? Unavailable);

public sealed record SideTotals(int Orders, int SalesOrders, long SalesFen);

/// <summary>One order that does not agree across platform, ledger and ERP.</summary>
public sealed record ReconciliationIssue(
    string OrderId,
    string Kind,
    string Detail,
    OrderStatus? PlatformStatus = null,
    long? PlatformFen = null,
    SyncStatus? LedgerStatus = null,
    long? LedgerFen = null,
    string? LedgerErpNumber = null,
    string? ErpNumber = null,
    long? ErpFen = null);

public sealed record ReconciliationReport(
    SideTotals? Platform,
    SideTotals Ledger,
    int ErpFound,
    int ErpChecked,
    long ErpAmountFen,
    IReadOnlyList<ReconciliationIssue> Missing,
    IReadOnlyList<ReconciliationIssue> Duplicates,
    IReadOnlyList<ReconciliationIssue> Mismatched);
