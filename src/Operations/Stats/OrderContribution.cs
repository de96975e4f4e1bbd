using ServerlessSync.Pipeline.Sync;

namespace ServerlessSync.Pipeline.Stats;

/// <summary>
/// What one order currently adds to the counters ("counted as"). Stored as the order's marker beside the counters,
/// so a re-run or a duplicate event recomputes the same contribution and changes nothing, and a state change
/// moves exactly the difference between the old and the new contribution.
/// </summary>
public sealed record OrderContribution
{
    public required string Day { get; init; }

    public required string Platform { get; init; }

    public required string ShopId { get; init; }

    public required SyncStatus Status { get; init; }

    /// <summary>Funnel stages reached; once reached they stay reached (a refund does not un-pay the funnel).</summary>
    public bool Paid { get; init; }

    public bool Mapped { get; init; }

    public bool InErp { get; init; }

    /// <summary>The ERP shipped (some of) the order: the ledger holds an outbound document of it. Stays reached.</summary>
    public bool Shipped { get; init; }

    /// <summary>A shipment of the order reached the platform (carrier and waybill on the platform order). Stays reached.</summary>
    public bool OnPlatform { get; init; }

    /// <summary>In the ERP, paid and not shipped on the platform yet: the platform's shipping deadline is running.</summary>
    public bool AwaitingShipment { get; init; }

    public bool Cancelled { get; init; }

    public bool Refunded { get; init; }

    public long PaidFen { get; init; }

    /// <summary>Paid and neither cancelled nor refunded on the platform: counted in sales.</summary>
    public bool IsSale { get; init; }

    public string? AnchorId { get; init; }

    public string? AnchorName { get; init; }

    public string? LiveRoomId { get; init; }

    public string? Channel { get; init; }

    public IReadOnlyList<SalesLine> Lines { get; init; } = [];

    public long? ErpLatencyMs { get; init; }

    /// <summary>The ledger row's time this contribution reflects; an older row never overwrites a newer count.</summary>
    public DateTimeOffset LedgerUpdatedAt { get; init; }
}
