using System.Diagnostics;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ServerlessSync.Simulators;
using ServerlessSync.Simulators.Douyin;
using ServerlessSync.Simulators.Kingdee;

namespace ServerlessSync.Bench;

/// <summary>
/// Runs one burst end to end on loopback: its own Azurite (behind counting relays), the simulators in this
/// process, and either W LocalHost worker processes sharing one task hub or the direct baseline process; then
/// audits every order across the platform simulator, the ledger and the ERP simulator.
/// </summary>
public sealed class BurstRunner(BenchArguments args, string repositoryRoot, TextWriter progress)
{
    private const string DouyinShop = DemoCatalog.ShopId;

    public async Task<BenchResult> RunAsync(string mode, int workers, string chaos)
    {
        var runId = "b" + Guid.NewGuid().ToString("N")[..8];
        var logDir = Path.Combine(repositoryRoot, ".run", "bench", runId);
        Directory.CreateDirectory(logDir);
        await progress.WriteLineAsync($"[{mode}] run {runId}: {args.Orders} orders at {args.Rate}/s, ERP cap {(args.ErpUncapped ? "none" : $"{args.ErpCapacity} calls/s")}, {workers} worker(s), chaos {chaos}, Azurite data {(args.AzuriteOnDisk(chaos) ? "on disk" : "in memory")}; logs in {logDir}");

        // The task hub may get an Azurite of its own (--hub-storage separate), as a Functions app may give Durable Functions its own storage account.
        var onDisk = args.AzuriteOnDisk(chaos);
        await using var app = await BenchStorage.StartAsync("app", repositoryRoot, onDisk);
        await using var hubStore = mode == "hub" && args.HubStorage == "separate" ? await BenchStorage.StartAsync("taskhub", repositoryRoot, onDisk) : null;
        var accounts = hubStore is null ? new[] { app } : new[] { app, hubStore };

        var simUrl = $"http://127.0.0.1:{Ports.Free()}";
        await using var sims = SimulatorHost.Build(["--urls", simUrl, "--Logging:LogLevel:Default=Warning"], o =>
        {
            o.Kingdee.MaxCallsPerSecond = args.ErpCapacity;
            o.Kingdee.MaxConcurrency = args.ErpConcurrency;
            o.Kingdee.Seed = args.Seed;
            if (chaos == "erp-faults")
            {
                // 20 % of calls fail with HTTP 500, and the ERP takes only 60 % of the pace it promised, so the hub
                // (governed at 90 % of the promise) also meets throttling answers it has to slow down for.
                o.Kingdee.TransientFailureRate = 0.2;
                o.Kingdee.MaxCallsPerSecond = args.ErpUncapped ? 0 : Math.Max(1, (int)(args.ErpCapacity * 0.6));
            }

            if (chaos == "slow-commit")
            {
                // A fifth of the saves commit 40 s after the request, 10 s after the hub's 30 s write timeout gave up on them:
                // the hub must neither create those orders again nor lose them (Erp:CommitHorizonSeconds, 120 s by default).
                o.Kingdee.SlowCommitRate = 0.2;
                o.Kingdee.SlowCommitSeconds = 40;
            }
        });
        await sims.StartAsync();
        var kingdee = sims.Services.GetRequiredService<KingdeeSimulatorState>();
        var douyinOptions = sims.Services.GetRequiredService<DouyinSimulatorOptions>();
        var douyinOrders = sims.Services.GetRequiredService<DouyinOrderStore>();

        var processes = new List<ChildProcess>();
        try
        {
            var environment = Environment(app.ConnectionString, hubStore?.ConnectionString, simUrl, runId, mode, workers);
            if (chaos == PoisonChaos.Name)
            {
                PoisonChaos.Configure(environment, DouyinShop);
            }

            if (mode == "hub")
            {
                for (var w = 0; w < workers; w++)
                {
                    processes.Add(ChildProcess.Start($"worker{w + 1}", HubDll, $"http://127.0.0.1:{Ports.Free()}", environment, Path.Combine(logDir, $"worker{w + 1}.log")));
                }
            }
            else
            {
                processes.Add(ChildProcess.Start("direct", BenchDll, $"http://127.0.0.1:{Ports.Free()}", environment, Path.Combine(logDir, "direct.log")));
            }

            foreach (var p in processes)
            {
                await p.WaitHealthyAsync("/api/health", TimeSpan.FromSeconds(120));
            }

            var webhook = processes[0].Url + "/api/webhooks/douyin";
            var player = new DouyinBurstPlayer(douyinOrders, sims.Services.GetRequiredService<DouyinPushSender>(), douyinOptions);
            await WarmUpAsync(mode, player, webhook, kingdee);

            // The measured burst starts from zero: the warm-up's ERP calls, storage requests and CPU are not counted.
            kingdee.Metrics.Reset();
            foreach (var account in accounts)
            {
                account.ResetCounts();
            }

            var cpuBefore = processes.Sum(p => p.CpuTime.TotalSeconds);
            var storageCpuBefore = accounts.ToDictionary(a => a.Name, a => a.Azurite.CpuTime.TotalSeconds);
            var plan = new DouyinBurstPlan
            {
                Orders = args.Orders,
                RatePerSecond = args.Rate,
                WebhookUrl = webhook,
                Seed = args.Seed,
                MaxConcurrency = 256,
                DuplicateRate = chaos == "dup-reorder" ? 0.05 : args.DuplicateRate,
                OutOfOrderRate = chaos == "dup-reorder" ? 0.10 : args.OutOfOrderRate,
                Timeout = TimeSpan.FromMinutes(30),
            };
            var burstProgress = new DouyinBurstProgress();
            var clock = Stopwatch.StartNew();
            var burstTask = player.PlayAsync(plan, CancellationToken.None, burstProgress);
            var chaosTask = ChaosAsync(chaos, burstProgress, processes, accounts, hubStore ?? app);
            while (!burstTask.IsCompleted)
            {
                await Task.WhenAny(burstTask, Task.Delay(1000));
                await progress.WriteLineAsync($"[{mode}] t={clock.Elapsed.TotalSeconds:0}s pushes sent {burstProgress.Sent}, acked {burstProgress.Acked}, failed {burstProgress.Failed}; ERP orders {kingdee.Bills.Count}");
            }

            var burst = await burstTask;
            var poison = await chaosTask;
            var ids = burst.OrderIds.ToHashSet();

            // Drain: wait until every order is in the ERP (the hub) or until nothing moves any more (the direct baseline cannot catch up).
            var drainDeadline = DateTime.UtcNow.AddSeconds(args.DrainTimeoutSeconds);
            var lastCount = -1;
            var lastChange = DateTime.UtcNow;
            double drained = 0;
            while (true)
            {
                var inErp = DistinctInErp(kingdee, ids);
                if (inErp != lastCount)
                {
                    lastCount = inErp;
                    lastChange = DateTime.UtcNow;
                    drained = clock.Elapsed.TotalSeconds;
                }

                // A killed worker's messages and leases come back after the Durable Task visibility and lease timeouts, so
                // chaos runs wait longer before calling a drain stalled.
                var stallLimit = mode != "hub" ? 15 : chaos == "none" ? 120 : 420;
                var stalled = DateTime.UtcNow - lastChange > TimeSpan.FromSeconds(stallLimit);
                if (inErp == ids.Count || stalled || DateTime.UtcNow > drainDeadline)
                {
                    break;
                }

                await progress.WriteLineAsync($"[{mode}] t={clock.Elapsed.TotalSeconds:0}s draining: {inErp}/{ids.Count} in the ERP ({kingdee.Metrics.Snapshot().Throttled} throttled answers so far)");
                await Task.Delay(2000);
            }

            var metrics = kingdee.Metrics.Snapshot();
            var storageCpu = accounts.ToDictionary(a => a.Name, a => Math.Round(a.Azurite.CpuTime.TotalSeconds - storageCpuBefore[a.Name], 1));
            var cpu = processes.Sum(p => p.CpuTime.TotalSeconds) - cpuBefore;
            var memory = processes.Sum(p => p.PeakMemoryMb);
            var audit = await AuditAsync(mode, app.Azurite, runId, ids, kingdee);
            var latencies = burst.Pushes.Where(p => !p.Dropped).Select(p => p.LatencyMs).Order().ToList();
            var failures = burst.Pushes.Count(p => !p.Dropped && (!p.Acked || p.LatencyMs > args.AckTimeoutMs));
            return new BenchResult
            {
                Mode = mode,
                Orders = ids.Count,
                Workers = mode == "hub" ? workers : 1,
                Chaos = chaos,
                AzuriteData = onDisk ? "disk" : "memory",
                Poison = poison,
                AckP50Ms = Percentile(latencies, 50),
                AckP99Ms = Percentile(latencies, 99),
                AckMaxMs = latencies.Count == 0 ? 0 : Math.Round(latencies[^1], 1),
                AckP99ByTenthMs = P99ByTenth(burst.Pushes.Where(p => !p.Dropped).Select(p => p.LatencyMs).ToList()),
                PushFailures = failures,
                Lost = audit.Lost.Count,
                LostOrders = audit.Lost.Take(50).ToList(),
                Duplicates = audit.Duplicates.Count,
                DuplicateOrders = audit.Duplicates.Take(50).ToList(),
                Drained = lastCount == ids.Count,
                DrainSeconds = Math.Round(drained, 1),
                ThroughputOrdersPerSec = drained > 0 ? Math.Round(lastCount / drained, 2) : 0,
                ErpCapCallsPerSec = args.ErpCapacity,
                ErpPeakCallsPerSec = metrics.PeakCallsPerSecond,
                ErpCapConcurrency = args.ErpConcurrency,
                ErpPeakConcurrency = metrics.PeakConcurrency,
                ErpCalls = metrics.TotalCalls,
                ErpThrottled = metrics.Throttled,
                CpuSecondsPerOrder = Math.Round(cpu / Math.Max(1, ids.Count), 4),
                StorageTransactionsPerOrder = Math.Round(accounts.Sum(a => a.BlobRequests + a.QueueRequests + a.TableRequests) / (double)Math.Max(1, ids.Count), 2),
                StorageCpuSeconds = storageCpu,
                StorageTransactionsPerOrderByResource = accounts
                    .SelectMany(a => a.RequestsByResource)
                    .GroupBy(r => r.Key.Replace("hub" + runId, "", StringComparison.OrdinalIgnoreCase).Replace(runId, "", StringComparison.OrdinalIgnoreCase))
                    .Select(g => (g.Key, PerOrder: Math.Round(g.Sum(r => r.Value) / (double)Math.Max(1, ids.Count), 2)))
                    .OrderByDescending(r => r.PerOrder)
                    .Take(40)
                    .ToDictionary(r => r.Key, r => r.PerOrder),
                PeakMemoryMb = Math.Round(memory, 1),
                StorageTransactionsPerOrderByService = new Dictionary<string, double>
                {
                    ["blob"] = Math.Round(accounts.Sum(a => a.BlobRequests) / (double)Math.Max(1, ids.Count), 2),
                    ["queue"] = Math.Round(accounts.Sum(a => a.QueueRequests) / (double)Math.Max(1, ids.Count), 2),
                    ["table"] = Math.Round(accounts.Sum(a => a.TableRequests) / (double)Math.Max(1, ids.Count), 2),
                },
            };
        }
        finally
        {
            foreach (var p in processes)
            {
                await p.DisposeAsync();
            }

            await sims.StopAsync();
        }
    }

    private string HubDll => Path.Combine(repositoryRoot, "src", "LocalHost", "bin", "Release", "net10.0", "ServerlessSync.LocalHost.dll");

    /// <summary>The governor's pace for an uncapped ERP: far above what one machine's hub can call.</summary>
    private const double UncappedHubCallsPerSecond = 10_000;

    private static string BenchDll => Path.Combine(AppContext.BaseDirectory, "ServerlessSync.Bench.dll");

    /// <summary>The LocalHost workers' admin token (X-Admin-Token), fresh per bench run, so no worker writes a token file.</summary>
    public static readonly string HubAdminToken = "bench-" + Guid.NewGuid().ToString("N");

    private Dictionary<string, string> Environment(string storage, string? taskHubStorage, string simUrl, string runId, string mode, int workers)
    {
        // The workers split the ERP's cap among themselves (GovernorMembership); the hub is set a little under it so
        // clock jitter between processes never crosses it.
        var hubRate = args.ErpUncapped ? UncappedHubCallsPerSecond : Math.Max(0.5, args.ErpCapacity * 0.9);
        var env = new Dictionary<string, string>
        {
            ["Logging__LogLevel__Default"] = "Warning",
            ["Admin__Token"] = HubAdminToken,
            ["Storage__ConnectionString"] = storage,
            ["Storage__TablePrefix"] = runId,
            ["Storage__IntakeQueueName"] = runId + "-intake",
            ["DurableTask__HubName"] = "hub" + runId,
            ["Platforms__Douyin__ApiBaseUrl"] = simUrl + "/douyin",
            ["Platforms__Douyin__AppKey"] = "sim-douyin-app-key",
            ["Platforms__Douyin__AppSecret"] = "sim-douyin-app-secret",
            ["Platforms__Douyin__AccessToken"] = "sim-douyin-access-token",
            [$"Platforms__Douyin__Shops__{DouyinShop}__PullEnabled"] = "true",

            // The demo shops of the other platforms have no simulator in a bench run.
            ["Platforms__Kuaishou__Shops__5000100__PullEnabled"] = "false",
            ["Platforms__WeChat__Shops__wx5e1f0c3a9b7d2468__PullEnabled"] = "false",
            ["Platforms__Taobao__Shops__tb_shop_01__PullEnabled"] = "false",
            ["Pull__IntervalSeconds"] = "10",
            ["Pull__SettleSeconds"] = "0",
            ["Pull__InitialLookbackMinutes"] = "30",
            ["Erp__Kind"] = "Kingdee",
            ["Erp__Kingdee__BaseUrl"] = simUrl + "/kingdee/k3cloud/",
            ["Erp__Kingdee__AcctId"] = "sim-acct",
            ["Erp__Kingdee__UserName"] = "sim-user",
            ["Erp__Kingdee__AppId"] = "sim-app_0123456789abcdef0123456789abcdef",
            ["Erp__Kingdee__AppSecret"] = "sim-app-secret",
            ["Erp__Kingdee__MaxCallsPerSecond"] = hubRate.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Erp__Kingdee__MaxConcurrency"] = args.ErpConcurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Profiles__SeedDirectory"] = Path.Combine(repositoryRoot, "config", "profiles"),
            ["Profiles__File"] = Path.Combine(repositoryRoot, "config", "profiles", $"douyin-{DouyinShop}.json"),
            ["Intake__BusyRetryDelaySeconds"] = "2",
            ["Intake__VisibilityTimeoutSeconds"] = "30",
        };
        if (taskHubStorage is not null)
        {
            env["DurableTask__ConnectionString"] = taskHubStorage;
        }

        if (mode == "direct")
        {
            env["BENCH_COMMAND"] = "direct-server";
        }
        else
        {
            foreach (var (key, value) in args.HubSettings)
            {
                env[key] = value;
            }
        }

        return env;
    }

    private async Task<PoisonChaosReport?> ChaosAsync(string chaos, DouyinBurstProgress burst, List<ChildProcess> processes, IReadOnlyList<BenchStorage> accounts, BenchStorage taskHubStorage)
    {
        if (chaos is not ("kill-worker" or "azurite-restart" or PoisonChaos.Name))
        {
            return null;
        }

        var trigger = (int)(args.Orders * 0.4);
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (burst.Sent < trigger && !burst.Done && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        if (chaos == PoisonChaos.Name)
        {
            return await PoisonChaos.RunAsync(taskHubStorage, processes[0].Url, progress);
        }

        if (chaos == "kill-worker")
        {
            var victim = processes[^1];
            await progress.WriteLineAsync($"[chaos] killing {victim.Name} after {burst.Sent} pushes");
            victim.Kill();
        }
        else
        {
            await progress.WriteLineAsync($"[chaos] stopping Azurite ({string.Join(", ", accounts.Select(a => a.Name))}) after {burst.Sent} pushes");
            await Task.WhenAll(accounts.Select(a => a.Azurite.StopAsync()));
            await Task.Delay(TimeSpan.FromSeconds(5));
            await Task.WhenAll(accounts.Select(a => a.Azurite.StartAsync()));
            await progress.WriteLineAsync("[chaos] Azurite restarted with its data");
        }

        return null;
    }

    private sealed record Audit(IReadOnlyList<string> Lost, IReadOnlyList<string> Duplicates);

    private async Task<Audit> AuditAsync(string mode, AzuriteProcess azurite, string runId, HashSet<string> ids, KingdeeSimulatorState kingdee)
    {
        var inErp = kingdee.Bills.Select(b => b.NetOrderBillNo).Where(ids.Contains).ToList();
        var duplicates = inErp.GroupBy(x => x).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {g.Count()} ERP orders").ToList();
        var ledger = new Dictionary<string, string>();
        if (mode == "hub")
        {
            // The ERP write lands before the ledger write-back; give the last write-backs a moment to arrive.
            var table = new TableClient(azurite.DirectConnectionString, runId + "Orders");
            var deadline = DateTime.UtcNow.AddSeconds(60);
            do
            {
                ledger.Clear();
                await foreach (var e in table.QueryAsync<TableEntity>(x => x.PartitionKey == $"douyin:{DouyinShop}"))
                {
                    ledger[e.RowKey] = $"{e.GetString("Status")} {e.GetString("Reason")}".Trim();
                }

                if (ids.All(id => ledger.TryGetValue(id, out var status) && status.StartsWith("Synced", StringComparison.Ordinal)))
                {
                    break;
                }

                await Task.Delay(1000);
            }
            while (DateTime.UtcNow < deadline);
        }

        var erpSet = inErp.ToHashSet();
        var notSynced = mode == "hub" ? ids.Count(id => !(ledger.TryGetValue(id, out var st) && st.StartsWith("Synced", StringComparison.Ordinal))) : 0;
        var lost = ids.Where(id => !erpSet.Contains(id))
            .Select(id => $"{id}: not in the ERP; ledger {(ledger.TryGetValue(id, out var s) ? s : "has no row")}")
            .ToList();
        await progress.WriteLineAsync($"[audit] platform {ids.Count}, ledger {ledger.Count(l => ids.Contains(l.Key))}, ERP {erpSet.Count} distinct, lost {lost.Count}, duplicates {duplicates.Count}, ledger not synced {notSynced}");
        return new Audit(lost, duplicates);
    }

    /// <summary>
    /// A few orders at a gentle pace through the same webhook, waited for until they are in the ERP (at most two minutes),
    /// so JIT, connection pools and caches of every process are warm when the measured burst starts.
    /// </summary>
    private async Task WarmUpAsync(string mode, DouyinBurstPlayer player, string webhook, KingdeeSimulatorState kingdee)
    {
        if (args.WarmupOrders <= 0)
        {
            return;
        }

        var warmup = await player.PlayAsync(
            new DouyinBurstPlan { Orders = args.WarmupOrders, RatePerSecond = 5, WebhookUrl = webhook, Seed = args.Seed + 1, MaxConcurrency = 8, Timeout = TimeSpan.FromMinutes(2) },
            CancellationToken.None);
        var ids = warmup.OrderIds.ToHashSet();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        int inErp;
        while ((inErp = DistinctInErp(kingdee, ids)) < ids.Count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
        }

        await progress.WriteLineAsync($"[{mode}] warm-up: {warmup.Acked} of {warmup.Sent} pushes acked, {inErp} of {ids.Count} orders in the ERP; now the measured burst");
    }

    /// <summary>How many of these orders the ERP simulator holds at least once.</summary>
    private static int DistinctInErp(KingdeeSimulatorState kingdee, HashSet<string> ids) =>
        kingdee.Bills.Select(b => b.NetOrderBillNo).Where(ids.Contains).Distinct().Count();

    /// <summary>Latencies in the order the pushes were answered, cut into ten equal runs, each run's p99.</summary>
    private static List<double> P99ByTenth(List<double> inAnswerOrder) =>
        inAnswerOrder.Count < 10
            ? []
            : Enumerable.Range(0, 10)
                .Select(t => Percentile(inAnswerOrder.Skip(t * inAnswerOrder.Count / 10).Take(((t + 1) * inAnswerOrder.Count / 10) - (t * inAnswerOrder.Count / 10)).Order().ToList(), 99))
                .ToList();

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : Math.Round(sorted[(int)Math.Clamp(Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)], 1);
}
