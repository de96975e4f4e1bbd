namespace ServerlessSync.Domain.Orders;

/// <summary>One step in an order's history as shown by the order-status API.</summary>
public sealed record LedgerHistoryItem(DateTimeOffset At, SyncStatus Status, string Note);

/// <summary>What the Orders ledger knows about one platform order.</summary>
public sealed record LedgerEntry
{
    public required OrderKey Key { get; init; }

    public required SyncStatus Status { get; init; }

    public OrderStatus? PlatformStatus { get; init; }

    public string? ErpOrderNumber { get; init; }

    public long PaidAmountFen { get; init; }

    public string? Reason { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public IReadOnlyList<LedgerHistoryItem> History { get; init; } = [];

    /// <summary>What became of the ERP number on the platform order's seller note (written, or why not); null until then.</summary>
    public string? SellerNote { get; init; }

    public DateTimeOffset? SellerNoteAt { get; init; }

    /// <summary>The order's ERP shipments (carrier, waybill, time, whether the platform has them), one per outbound document.</summary>
    public IReadOnlyList<LedgerShipment> Shipments { get; init; } = [];

    /// <summary>Shipments kept per order; more outbound documents than this for one order is not a real case.</summary>
    public const int MaxShipments = 20;

    /// <summary>History is kept bounded so a ledger row stays far below the Tables entity size limit.</summary>
    public const int MaxHistory = 50;

    /// <summary>
    /// Records the seller-note outcome beside the sync status, once (a repeat changes nothing). It is not a history step:
    /// the history is the order's sync, and the note is written after it, off its path.
    /// </summary>
    public LedgerEntry WithSellerNote(string outcome, DateTimeOffset at) =>
        SellerNote == outcome ? this : this with { SellerNote = outcome, SellerNoteAt = at };

    /// <summary>Records the current state of one shipment (replacing what was recorded for the same outbound document); a repeat changes nothing.</summary>
    public LedgerEntry WithShipment(LedgerShipment shipment)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        var current = Shipments.FirstOrDefault(s => s.ShipmentNo == shipment.ShipmentNo);
        if (current is not null && current with { UpdatedAt = shipment.UpdatedAt } == shipment)
        {
            return this;
        }

        var others = Shipments.Where(s => s.ShipmentNo != shipment.ShipmentNo);
        return this with { Shipments = others.Append(shipment).TakeLast(MaxShipments).ToList() };
    }

    public LedgerEntry With(SyncStatus status, string note, DateTimeOffset at, string? erpOrderNumber = null, string? reason = null)
    {
        var history = History.Append(new LedgerHistoryItem(at, status, note)).TakeLast(MaxHistory).ToList();
        return this with
        {
            Status = status,
            ErpOrderNumber = erpOrderNumber ?? ErpOrderNumber,
            Reason = reason,
            UpdatedAt = at,
            History = history,
        };
    }
}
