using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServerlessSync.Bench;

/// <summary>
/// <c>burst</c>: the same burst through the hub and through the direct baseline, with ratios.
/// <c>scale</c>: the hub with 1 and with 2 worker processes. <c>chaos</c>: the six chaos runs, each audited.
/// Progress goes to stderr; with <c>--json</c> the last stdout line is one JSON object.
/// </summary>
public static class BenchCli
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<int> RunAsync(string[] args)
    {
        var command = Environment.GetEnvironmentVariable("BENCH_COMMAND") ?? (args.Length > 0 ? args[0] : "");
        if (command == "direct-server")
        {
            return await DirectServer.RunAsync(args.Where(a => a != "direct-server").ToArray());
        }

        BenchArguments arguments;
        try
        {
            arguments = BenchArguments.Parse(args.Skip(1).ToList());
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync($"bench: {ex.Message}");
            return 2;
        }

        var root = RepositoryRoot();
        var runner = new BurstRunner(arguments, root, Console.Error);
        JsonObject output;
        switch (command)
        {
            case "burst":
                output = await BurstAsync(runner, arguments);
                break;
            case "scale":
                output = await ScaleAsync(runner, arguments);
                break;
            case "chaos":
                output = await ChaosAsync(runner, arguments);
                break;
            case "tune":
                output = await TuneAsync(arguments, root);
                break;
            default:
                await Console.Error.WriteLineAsync("usage: bench burst|scale|chaos|tune --orders N --rate R --erp-capacity C [--workers W] [--json]");
                return 2;
        }

        await Console.Error.WriteLineAsync(output.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine(output.ToJsonString());
        return 0;
    }

    private static async Task<JsonObject> BurstAsync(BurstRunner runner, BenchArguments a)
    {
        var result = new JsonObject();
        BenchResult? hub = null;
        BenchResult? direct = null;
        if (a.Mode is "both" or "hub")
        {
            hub = await runner.RunAsync("hub", a.Workers, a.Chaos);
            result["hub"] = JsonSerializer.SerializeToNode(hub, Json);
        }

        if (a.Mode is "both" or "direct")
        {
            direct = await runner.RunAsync("direct", 1, "none");
            result["direct"] = JsonSerializer.SerializeToNode(direct, Json);
        }

        if (hub is not null && direct is not null)
        {
            result["ratios"] = Ratios(hub, direct);
        }

        return result;
    }

    private static async Task<JsonObject> ScaleAsync(BurstRunner runner, BenchArguments a)
    {
        var one = await runner.RunAsync("hub", 1, "none");
        var two = await runner.RunAsync("hub", 2, "none");
        return new JsonObject
        {
            ["w1"] = JsonSerializer.SerializeToNode(one, Json),
            ["w2"] = JsonSerializer.SerializeToNode(two, Json),
            ["throughputRatioW2OverW1"] = Ratio(two.ThroughputOrdersPerSec, one.ThroughputOrdersPerSec),
        };
    }

    private static async Task<JsonObject> ChaosAsync(BurstRunner runner, BenchArguments a)
    {
        var runs = new JsonArray();
        var clean = true;
        foreach (var chaos in new[] { "kill-worker", "azurite-restart", "erp-faults", "dup-reorder", "slow-commit", PoisonChaos.Name })
        {
            var result = await runner.RunAsync("hub", chaos == "kill-worker" ? Math.Max(2, a.Workers) : a.Workers, chaos);
            clean &= result.Lost == 0 && result.Duplicates == 0;
            runs.Add(JsonSerializer.SerializeToNode(result, Json));
        }

        return new JsonObject { ["runs"] = runs, ["allLost0Duplicates0"] = clean };
    }

    /// <summary>
    /// The hub as configured, then once with each tuning turned off, so every tuning shows its before/after figure
    /// from the same machine and the same burst.
    /// </summary>
    private static async Task<JsonObject> TuneAsync(BenchArguments a, string root)
    {
        var variants = new (string Name, BenchArguments Arguments)[]
        {
            ("as configured", a),
            ("ERP writes one order per call", a.WithHubSetting("Erp__Kingdee__MaxBatchSize", "1")),
            ("one event per intake message", a.WithHubSetting("Intake__MaxEventsPerMessage", "1")),
            ("intake bodies in a blob (two storage calls per ack)", a.WithHubSetting("Intake__CarryBodiesInMessage", "false")),
            ("no start admission", a.WithHubSetting("StartAdmission__MaxTaskHubBacklog", "0").WithHubSetting("StartAdmission__FloodEventsPerSecond", "0")),
            ("no extended sessions", a.WithHubSetting("DurableTask__ExtendedSessions", "false")),
            ("finished runs' history kept", a.WithHubSetting("DurableTask__PurgeCompletedAfterSeconds", "0")),
            ("1 control-queue partition instead of 4", a.WithHubSetting("DurableTask__PartitionCount", "1")),
            ("8 control-queue partitions instead of 4", a.WithHubSetting("DurableTask__PartitionCount", "8")),
            ("the engine's default queue polling (up to 30 s idle instead of 1 s)", a.WithHubSetting("DurableTask__MaxQueuePollingIntervalMs", "30000")),
            ("task hub in the app's Azurite", a with { HubStorage = "shared" }),
        };
        var rows = new JsonArray();
        foreach (var (name, arguments) in variants)
        {
            await Console.Error.WriteLineAsync($"[tune] {name}");
            var result = await new BurstRunner(arguments, root, Console.Error).RunAsync("hub", arguments.Workers, "none");
            var row = JsonSerializer.SerializeToNode(result, Json)!.AsObject();
            row["variant"] = name;
            rows.Add(row);
            await Console.Error.WriteLineAsync($"[tune] {name}: ack p50/p99 {result.AckP50Ms}/{result.AckP99Ms} ms, drain {result.DrainSeconds} s, ERP calls/order {result.ErpCalls / (double)Math.Max(1, result.Orders):0.00}, storage tx/order {result.StorageTransactionsPerOrder}, lost {result.Lost}, duplicates {result.Duplicates}");
        }

        return new JsonObject { ["variants"] = rows };
    }

    private static JsonObject Ratios(BenchResult hub, BenchResult direct) => new()
    {
        ["ackP50Ms"] = Ratio(hub.AckP50Ms, direct.AckP50Ms),
        ["ackP99Ms"] = Ratio(hub.AckP99Ms, direct.AckP99Ms),
        ["ackMaxMs"] = Ratio(hub.AckMaxMs, direct.AckMaxMs),
        ["pushFailures"] = Ratio(hub.PushFailures, direct.PushFailures),
        ["lost"] = Ratio(hub.Lost, direct.Lost),
        ["drainSeconds"] = Ratio(hub.DrainSeconds, direct.DrainSeconds),
        ["erpPeakCallsPerSec"] = Ratio(hub.ErpPeakCallsPerSec, direct.ErpPeakCallsPerSec),
        ["cpuSecondsPerOrder"] = Ratio(hub.CpuSecondsPerOrder, direct.CpuSecondsPerOrder),
        ["storageTransactionsPerOrder"] = Ratio(hub.StorageTransactionsPerOrder, direct.StorageTransactionsPerOrder),
        ["peakMemoryMb"] = Ratio(hub.PeakMemoryMb, direct.PeakMemoryMb),
        ["ordersInErp"] = Ratio(hub.Orders - hub.Lost, direct.Orders - direct.Lost),
    };

    /// <summary>hub ÷ direct, or null where the direct figure is zero.</summary>
    private static JsonNode? Ratio(double hub, double direct) => direct == 0 ? null : JsonValue.Create(Math.Round(hub / direct, 3));

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ServerlessSync.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Run the bench from the repository (ServerlessSync.sln not found above it).");
    }
}
