namespace ServerlessSync.Simulators.Demo;

/// <summary>The one-line JSON summary <c>scripts/run demo --json</c> ends with.</summary>
public sealed record DemoSummary
{
    public int Sent { get; init; }

    public int Acked { get; init; }

    public int PushFailures { get; init; }

    public int Synced { get; init; }

    /// <summary>Synced orders whose platform order's seller note carries their ERP number (counted from the simulators).</summary>
    public int Remarked { get; init; }

    /// <summary>With <c>--ship</c>: synced orders the ERP simulator shipped (an outbound document with a waybill).</summary>
    public int Shipped { get; init; }

    /// <summary>With <c>--ship</c>: of <see cref="Shipped"/>, platform orders (in the simulators) carrying the ERP's waybill.</summary>
    public int ShipmentsOnPlatform { get; init; }

    public int PendingStock { get; init; }

    public int Quarantined { get; init; }

    public int Failed { get; init; }

    public int ErpOrders { get; init; }

    public int ErpDuplicates { get; init; }

    public int Lost { get; init; }

    public double AckP50Ms { get; init; }

    public double AckP99Ms { get; init; }

    public double DrainSeconds { get; init; }

    public IReadOnlyList<string> LostOrderIds { get; init; } = [];

    /// <summary>Synced orders per platform.</summary>
    public IReadOnlyDictionary<string, int> ByPlatform { get; init; } = new Dictionary<string, int>();
}
