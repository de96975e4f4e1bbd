using System.Globalization;

namespace ServerlessSync.Bench;

/// <summary>
/// <c>burst --orders N --rate R --erp-capacity C [--workers W] [--mode both|hub|direct] [--chaos NAME] [--json]</c>.
/// Every loop the bench runs is bounded by these numbers and by <see cref="DrainTimeoutSeconds"/>.
/// </summary>
public sealed record BenchArguments
{
    public int Orders { get; init; } = 1000;

    public double Rate { get; init; } = 200;

    /// <summary>The ERP simulator's calls per second; 0 = uncapped (the hub's governor is then set to a pace no run reaches).</summary>
    public int ErpCapacity { get; init; } = 20;

    public bool ErpUncapped => ErpCapacity == 0;

    public int ErpConcurrency { get; init; } = 4;

    public int Workers { get; init; } = 1;

    public string Mode { get; init; } = "both";

    public string Chaos { get; init; } = "none";

    public bool Json { get; init; }

    /// <summary><c>separate</c> gives the Durable Task hub its own Azurite (its own storage account in Azure); <c>shared</c> puts everything in one.</summary>
    public string HubStorage { get; init; } = "separate";

    public int DrainTimeoutSeconds { get; init; } = 1800;

    /// <summary>
    /// Where the bench's Azurites keep their data: <c>auto</c> (the default) keeps it on disk only for the chaos scenarios
    /// that stop and restart Azurite, and in memory otherwise, since Azurite's periodic save of its whole database to disk
    /// is emulator work Azure Storage does not do; <c>disk</c> or <c>memory</c> force one for before/after runs.
    /// </summary>
    public string AzuriteData { get; init; } = "auto";

    /// <summary>Whether a run with <paramref name="chaos"/> keeps Azurite's data on disk.</summary>
    public bool AzuriteOnDisk(string chaos) =>
        AzuriteData == "disk" || (AzuriteData == "auto" && chaos is "azurite-restart" or PoisonChaos.Name);

    /// <summary>The platform's ack timeout: Douyin expects an answer within 5 s (platforms.md §1.1).</summary>
    public int AckTimeoutMs { get; init; } = 5000;

    public double DuplicateRate { get; init; }

    public double OutOfOrderRate { get; init; }

    public int Seed { get; init; } = 20261111;

    /// <summary>
    /// Orders sent slowly before the measured burst and synced through the same path (<c>--warmup N</c>), so the burst
    /// meets processes that have run before, as a merchant's hub has when a live room starts. 0: start cold.
    /// </summary>
    public int WarmupOrders { get; init; } = 20;

    /// <summary>Extra settings for the hub workers, e.g. <c>--hub-setting DurableTask__PartitionCount=2</c>, for before/after tuning runs.</summary>
    public IReadOnlyDictionary<string, string> HubSettings { get; init; } = new Dictionary<string, string>();

    public static BenchArguments Parse(IReadOnlyList<string> args)
    {
        var a = new BenchArguments();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            a = args[i] switch
            {
                "--orders" => a with { Orders = Int(Next(), 1, 100_000, "--orders") },
                "--rate" => a with { Rate = Double(Next(), 1, 10_000, "--rate") },
                "--erp-capacity" => a with { ErpCapacity = Int(Next(), 0, 10_000, "--erp-capacity") },
                "--erp-concurrency" => a with { ErpConcurrency = Int(Next(), 1, 1000, "--erp-concurrency") },
                "--workers" => a with { Workers = Int(Next(), 1, 8, "--workers") },
                "--mode" => a with { Mode = OneOf(Next(), "--mode", "both", "hub", "direct") },
                "--chaos" => a with { Chaos = OneOf(Next(), "--chaos", "none", "kill-worker", "azurite-restart", "erp-faults", "dup-reorder", "slow-commit", PoisonChaos.Name) },
                "--json" => a with { Json = true },
                "--hub-storage" => a with { HubStorage = OneOf(Next(), "--hub-storage", "separate", "shared") },
                "--azurite-data" => a with { AzuriteData = OneOf(Next(), "--azurite-data", "auto", "disk", "memory") },
                "--drain-timeout" => a with { DrainTimeoutSeconds = Int(Next(), 10, 7200, "--drain-timeout") },
                "--duplicate-rate" => a with { DuplicateRate = Double(Next(), 0, 1, "--duplicate-rate") },
                "--out-of-order-rate" => a with { OutOfOrderRate = Double(Next(), 0, 1, "--out-of-order-rate") },
                "--seed" => a with { Seed = Int(Next(), 0, int.MaxValue, "--seed") },
                "--warmup" => a with { WarmupOrders = Int(Next(), 0, 1000, "--warmup") },
                "--hub-setting" => a with { HubSettings = WithSetting(a.HubSettings, Next()) },
                _ => throw new ArgumentException($"unknown option '{args[i]}'"),
            };
        }

        return a;
    }

    public BenchArguments WithHubSetting(string key, string value) => this with { HubSettings = WithSetting(HubSettings, $"{key}={value}") };

    private static Dictionary<string, string> WithSetting(IReadOnlyDictionary<string, string> settings, string pair)
    {
        var at = pair.IndexOf('=', StringComparison.Ordinal);
        if (at < 1)
        {
            throw new ArgumentException("--hub-setting needs KEY=VALUE");
        }

        return new Dictionary<string, string>(settings) { [pair[..at]] = pair[(at + 1)..] };
    }

    private static int Int(string v, int min, int max, string name) =>
        int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? n : throw new ArgumentException($"{name} must be a whole number from {min} to {max}");

    private static double Double(string v, double min, double max, string name) =>
        double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? n : throw new ArgumentException($"{name} must be a number from {min} to {max}");

    private static string OneOf(string v, string name, params string[] allowed) =>
        allowed.Contains(v) ? v : throw new ArgumentException($"{name} must be one of {string.Join(", ", allowed)}");
}
