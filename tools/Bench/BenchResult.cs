namespace ServerlessSync.Bench;

/// <summary>What one run measured. Field names are the JSON contract of <c>scripts/bench burst --json</c>.</summary>
public sealed record BenchResult
{
    public required string Mode { get; init; }

    public int Orders { get; init; }

    public int Workers { get; init; }

    public string Chaos { get; init; } = "none";

    /// <summary>Where the run's Azurites kept their data: "memory" or "disk".</summary>
    public string AzuriteData { get; init; } = "memory";

    /// <summary>The poison/redrive chaos run's figures; null for other runs.</summary>
    public PoisonChaosReport? Poison { get; init; }

    public double AckP50Ms { get; init; }

    public double AckP99Ms { get; init; }

    public double AckMaxMs { get; init; }

    /// <summary>Ack p99 of each tenth of the pushes, in the order they were answered: shows whether the tail sits at the start of the burst, its end, or throughout.</summary>
    public IReadOnlyList<double> AckP99ByTenthMs { get; init; } = [];

    /// <summary>Pushes the platform saw fail: a non-2xx answer, no answer, or an answer after its ack timeout.</summary>
    public int PushFailures { get; init; }

    public int Lost { get; init; }

    public int Duplicates { get; init; }

    public double DrainSeconds { get; init; }

    public bool Drained { get; init; }

    public double ThroughputOrdersPerSec { get; init; }

    public int ErpCapCallsPerSec { get; init; }

    public int ErpPeakCallsPerSec { get; init; }

    public int ErpCapConcurrency { get; init; }

    public int ErpPeakConcurrency { get; init; }

    public long ErpCalls { get; init; }

    public long ErpThrottled { get; init; }

    public double CpuSecondsPerOrder { get; init; }

    public double StorageTransactionsPerOrder { get; init; }

    /// <summary>CPU seconds each storage emulator used ("app": intake, ledger, stats; "taskhub": the Durable Task hub when separate).</summary>
    public IReadOnlyDictionary<string, double> StorageCpuSeconds { get; init; } = new Dictionary<string, double>();

    /// <summary>The same, by service: blob (leases), queue (intake and Durable Task queues), table (Inbox, ledger, history).</summary>
    public IReadOnlyDictionary<string, double> StorageTransactionsPerOrderByService { get; init; } = new Dictionary<string, double>();

    /// <summary>The busiest storage resources per order, by method and table/queue name (run ids removed), for tuning.</summary>
    public IReadOnlyDictionary<string, double> StorageTransactionsPerOrderByResource { get; init; } = new Dictionary<string, double>();

    public double PeakMemoryMb { get; init; }

    /// <summary>Orders missing from the ERP, with why (ledger status), when any are.</summary>
    public IReadOnlyList<string> LostOrders { get; init; } = [];

    public IReadOnlyList<string> DuplicateOrders { get; init; } = [];
}
