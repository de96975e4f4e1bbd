namespace ServerlessSync.Pipeline.Tests.Pull;

/// <summary>
/// PullService with the real Douyin lister against the simulator over loopback, and the real Inbox, intake queue and
/// watermark store on Azurite. The pull's clock is the test's; the lister signs with the real clock, as the gateway
/// checks timestamp freshness.
/// </summary>
public sealed class DouyinPullServiceTests(DouyinSimulatorHostFixture sim) : IClassFixture<DouyinSimulatorHostFixture>, IDisposable
{
    private static readonly PullOptions Settings = new() { OverlapSeconds = 300, InitialLookbackMinutes = 60, SettleSeconds = 2 };

    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public void Dispose() => http.Dispose();

    private sealed record Rig(PullService Pull, IPlatformOrderLister Lister, WatermarkStore Watermarks, QueueClient Queue, ManualClock Clock, string ShopId, DateTimeOffset Start, StorageClients Storage);

    private static PullService NewPull(StorageClients storage, IPlatformOrderLister lister, IConfiguration configuration, TimeProvider clock, PullOptions settings) => new(
        [lister],
        new WatermarkStore(storage),
        IntakeTestKit.Committer(storage, clock),
        new EnqueuedOrderVersions(),
        new SkippedListEntries(storage, clock),
        new AlertService(storage, [], Options.Create(new AlertOptions()), clock, NullLogger<AlertService>.Instance),
        configuration,
        Options.Create(settings),
        clock,
        NullLogger<PullService>.Instance);

    /// <param name="wrap">Wraps the real lister (a recorder or a failure injector); the lister is not what these tests test.</param>
    private async Task<Rig> RigAsync(Func<IPlatformOrderLister, IPlatformOrderLister>? wrap = null, PullOptions? settings = null)
    {
        var shopId = Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString(CultureInfo.InvariantCulture);
        sim.Options.ShopAccessTokens["token-" + shopId] = shopId;
        var start = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var clock = new ManualClock(start);

        var storage = await CoreStorage.CreateAsync();
        var watermarks = new WatermarkStore(storage);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"Platforms:Douyin:Shops:{shopId}:PullEnabled"] = "true",
            [$"Platforms:Douyin:Shops:{shopId}:AccessToken"] = "token-" + shopId,
        }).Build();
        var lister = wrap is null ? RealLister(shopId) : wrap(RealLister(shopId));
        var pull = NewPull(storage, lister, configuration, clock, settings ?? Settings);
        return new Rig(pull, lister, watermarks, await storage.QueueAsync(storage.IntakeQueueName), clock, shopId, start, storage);
    }

    private DouyinOrderLister RealLister(string shopId) => new(http, Options.Create(new DouyinApiOptions
    {
        ApiBaseUrl = sim.DouyinBaseUrl,
        AppKey = sim.Options.AppKey,
        AppSecret = sim.Options.AppSecret,
        Shops = { [shopId] = new PlatformShopSettings { AccessToken = "token-" + shopId } },
    }));

    /// <summary>Orders of the shop whose update times are the given instants (whole seconds).</summary>
    private List<DouyinSimOrder> Orders(string shopId, params DateTimeOffset[] updatedAt)
    {
        var orders = sim.Store.CreateOrders(updatedAt.Length, shopId)
            .Select((o, i) => o with { CreateTime = updatedAt[i].ToUnixTimeSeconds() - 30, UpdateTime = updatedAt[i].ToUnixTimeSeconds() })
            .ToList();
        orders.ForEach(sim.Store.Put);
        return orders;
    }

    private static Task<List<IntakeMessage>> QueuedAsync(QueueClient queue) => IntakeTestKit.PeekEventsAsync(queue);

    [Fact]
    public async Task First_run_enqueues_every_order_changed_in_the_lookback_and_sets_the_watermark()
    {
        var rig = await RigAsync();
        var t = rig.Start;
        var inLookback = Orders(rig.ShopId, t.AddMinutes(-64), t.AddMinutes(-30), t.AddMinutes(-1), t.AddSeconds(-2));
        Orders(rig.ShopId, t.AddMinutes(-66), t.AddSeconds(-1));

        var result = Assert.Single(await rig.Pull.PullAllAsync(CancellationToken.None));

        Assert.Equal(("douyin", rig.ShopId, 4, 4), (result.Platform, result.ShopId, result.Listed, result.Enqueued));
        var queued = await QueuedAsync(rig.Queue);
        Assert.Equal(inLookback.Select(o => o.OrderId).Order(), queued.Select(m => m.OrderId).Order());
        Assert.All(queued, m => Assert.Equal(("douyin", rig.ShopId, "pull"), (m.Platform, m.ShopId, m.Event)));
        Assert.Equal(t.AddSeconds(-Settings.SettleSeconds), result.Watermark);
        Assert.Equal(result.Watermark, await rig.Watermarks.GetAsync("douyin", rig.ShopId, CancellationToken.None));
    }

    [Fact]
    public async Task A_second_run_over_the_overlap_enqueues_nothing_new_and_a_later_change_is_picked_up_by_the_next_run()
    {
        var rig = await RigAsync();
        var t = rig.Start;
        var orders = Orders(rig.ShopId, t.AddMinutes(-10), t.AddMinutes(-3), t.AddSeconds(-20));
        await rig.Pull.PullAllAsync(CancellationToken.None);
        Assert.Equal(3, (await QueuedAsync(rig.Queue)).Count);

        rig.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = Assert.Single(await rig.Pull.PullAllAsync(CancellationToken.None));

        Assert.Equal(2, second.Listed); // t-3min and t-20s lie within the 5-minute overlap
        Assert.Equal(0, second.Enqueued);
        Assert.Equal(3, (await QueuedAsync(rig.Queue)).Count);

        // The t-10min order changes again (e.g. cancelled) a minute later; it is seen by the next run only.
        var changed = orders[0] with { OrderStatus = DouyinSimStatus.Cancelled, MainStatus = DouyinSimStatus.Cancelled, UpdateTime = t.AddMinutes(2).ToUnixTimeSeconds() };
        sim.Store.Put(changed);
        rig.Clock.Advance(TimeSpan.FromMinutes(2));
        var third = Assert.Single(await rig.Pull.PullAllAsync(CancellationToken.None));

        Assert.Equal(1, third.Enqueued);
        var queued = await QueuedAsync(rig.Queue);
        Assert.Equal(4, queued.Count);
        Assert.Equal(2, queued.Count(m => m.OrderId == changed.OrderId));
        Assert.Contains(queued, m => m.OrderId == changed.OrderId && m.EventTime == t.AddMinutes(2));
        Assert.Equal(t.AddMinutes(3).AddSeconds(-Settings.SettleSeconds), third.Watermark);
    }

    [Fact]
    public async Task Windows_respect_max_window_cover_the_span_without_gaps_and_the_simulator_accepts_each()
    {
        var settings = new PullOptions { OverlapSeconds = 300, InitialLookbackMinutes = (int)TimeSpan.FromDays(2.5).TotalMinutes, SettleSeconds = 2 };
        var rig = await RigAsync(real => new WindowRecorder(real), settings);
        var recorder = (WindowRecorder)rig.Lister;
        var t = rig.Start;
        var orders = Orders(rig.ShopId, t.AddDays(-2.4), t.AddDays(-1.5), t.AddHours(-1));

        var result = await rig.Pull.PullShopAsync(recorder, rig.ShopId, CancellationToken.None);

        var windows = recorder.Windows.Distinct().ToList();
        Assert.Equal(3, windows.Count);
        Assert.Equal(3, result.Windows);
        Assert.All(windows, w => Assert.True(w.To - w.From <= recorder.MaxWindow, $"{w.From:O}..{w.To:O} is longer than {recorder.MaxWindow}"));
        Assert.Equal(t.AddMinutes(-settings.InitialLookbackMinutes).AddSeconds(-settings.OverlapSeconds), windows[0].From);
        Assert.Equal(t.AddSeconds(-settings.SettleSeconds), windows[^1].To);
        Assert.All(windows.Zip(windows.Skip(1)), pair => Assert.Equal(pair.First.To, pair.Second.From));
        Assert.Equal(orders.Select(o => o.OrderId).Order(), (await QueuedAsync(rig.Queue)).Select(m => m.OrderId).Order());
    }

    [Fact]
    public async Task A_lister_failure_in_window_2_leaves_the_watermark_at_the_end_of_window_1_and_the_next_run_resumes_there()
    {
        var settings = new PullOptions { OverlapSeconds = 300, InitialLookbackMinutes = (int)TimeSpan.FromDays(2.5).TotalMinutes, SettleSeconds = 2 };
        var rig = await RigAsync(real => new WindowRecorder(real) { FailInWindow = 2 }, settings);
        var failing = (WindowRecorder)rig.Lister;
        var t = rig.Start;
        var first = Orders(rig.ShopId, t.AddDays(-2.4));
        var later = Orders(rig.ShopId, t.AddDays(-1.2), t.AddHours(-1));

        Assert.Contains(nameof(PlatformTransientException), Assert.Single(await rig.Pull.PullAllAsync(CancellationToken.None)).Error);

        var windowOneEnd = t.AddMinutes(-settings.InitialLookbackMinutes).AddSeconds(-settings.OverlapSeconds) + failing.MaxWindow;
        Assert.Equal(windowOneEnd, await rig.Watermarks.GetAsync("douyin", rig.ShopId, CancellationToken.None));
        Assert.Equal(first.Select(o => o.OrderId), (await QueuedAsync(rig.Queue)).Select(m => m.OrderId));

        failing.FailInWindow = null;
        failing.Windows.Clear();
        var result = Assert.Single(await rig.Pull.PullAllAsync(CancellationToken.None));

        Assert.Equal(windowOneEnd.AddSeconds(-settings.OverlapSeconds), failing.Windows[0].From);
        Assert.Equal(t.AddSeconds(-settings.SettleSeconds), result.Watermark);
        Assert.Equal(first.Concat(later).Select(o => o.OrderId).Order(), (await QueuedAsync(rig.Queue)).Select(m => m.OrderId).Order());
    }

    [Fact]
    public async Task A_shop_whose_pull_fails_is_alerted_on_its_own_and_the_next_shop_is_pulled_all_the_same()
    {
        var ok = Random.Shared.NextInt64(200_000_000_000, 999_999_999_999).ToString(CultureInfo.InvariantCulture);
        var broken = (long.Parse(ok, CultureInfo.InvariantCulture) - 100_000_000_000).ToString(CultureInfo.InvariantCulture);
        sim.Options.ShopAccessTokens["token-" + ok] = ok;
        var start = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var clock = new ManualClock(start);
        var storage = await CoreStorage.CreateAsync();

        // The broken shop holds another shop's token (an expired or swapped credential): its list names a foreign shop.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"Platforms:Douyin:Shops:{broken}:AccessToken"] = "token-" + ok,
            [$"Platforms:Douyin:Shops:{ok}:AccessToken"] = "token-" + ok,
        }).Build();
        var lister = new DouyinOrderLister(http, Options.Create(new DouyinApiOptions
        {
            ApiBaseUrl = sim.DouyinBaseUrl,
            AppKey = sim.Options.AppKey,
            AppSecret = sim.Options.AppSecret,
            Shops = { [broken] = new PlatformShopSettings { AccessToken = "token-" + ok }, [ok] = new PlatformShopSettings { AccessToken = "token-" + ok } },
        }));
        var orders = Orders(ok, start.AddMinutes(-5), start.AddMinutes(-1));
        var pull = NewPull(storage, lister, configuration, clock, Settings);

        var results = await pull.PullAllAsync(CancellationToken.None);

        Assert.Equal([broken, ok], results.Select(r => r.ShopId));
        Assert.Contains("returned an order of shop", results[0].Error);
        Assert.Null(results[1].Error);
        Assert.Equal(orders.Select(o => o.OrderId).Order(), (await QueuedAsync(await storage.QueueAsync(storage.IntakeQueueName))).Select(m => m.OrderId).Order());
        var watermarks = new WatermarkStore(storage);
        Assert.Null(await watermarks.GetAsync("douyin", broken, CancellationToken.None));
        Assert.NotNull(await watermarks.GetAsync("douyin", ok, CancellationToken.None));
        Assert.Equal([("PullFailed", $"pull:douyin:{broken}")], await AlertsAsync(storage));
    }

    [Fact]
    public async Task A_list_entry_with_a_non_numeric_order_id_is_skipped_kept_and_alerted_once_and_the_rest_of_the_page_is_pulled()
    {
        var rig = await RigAsync();
        var t = rig.Start;
        var orders = Orders(rig.ShopId, t.AddMinutes(-9), t.AddMinutes(-6), t.AddMinutes(-3));
        sim.Options.GarbledListOrderIds.Add(orders[2].OrderId); // t-3min: the next run's 5-minute overlap lists it again

        var first = Assert.Single(await rig.Pull.PullAllAsync(CancellationToken.None));
        rig.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = Assert.Single(await rig.Pull.PullAllAsync(CancellationToken.None));

        Assert.Equal((1, 2, (string?)null), (first.Skipped, first.Enqueued, first.Error));
        Assert.Equal(1, second.Skipped);
        Assert.Equal([orders[0].OrderId, orders[1].OrderId], (await QueuedAsync(rig.Queue)).Select(m => m.OrderId).Order());
        Assert.Equal(t.AddMinutes(1).AddSeconds(-Settings.SettleSeconds), second.Watermark);
        var kept = JsonNode.Parse((await new SkippedListEntries(rig.Storage, rig.Clock).ListAsync(CancellationToken.None)).Body)!;
        Assert.Equal(1, kept["count"]!.GetValue<int>());
        Assert.Contains(orders[2].OrderId + "x", kept["entries"]![0]!["excerpt"]!.GetValue<string>());
        Assert.Equal([("PullEntrySkipped", $"pull-entry:douyin:{rig.ShopId}")], await AlertsAsync(rig.Storage));
    }

    private static async Task<List<(string?, string?)>> AlertsAsync(StorageClients storage)
    {
        var alerts = new List<(string?, string?)>();
        await foreach (var row in (await storage.TableAsync(AlertService.LogTable)).QueryAsync<Azure.Data.Tables.TableEntity>())
        {
            alerts.Add((row.GetString("Kind"), row.GetString("Target")));
        }

        return alerts;
    }

    /// <summary>Passes calls to a real lister and records each window; can fail every call of the n-th distinct window.</summary>
    private sealed class WindowRecorder(IPlatformOrderLister inner) : IPlatformOrderLister
    {
        public List<(DateTimeOffset From, DateTimeOffset To)> Windows { get; } = [];

        public int? FailInWindow { get; set; }

        public string Platform => inner.Platform;

        public TimeSpan MaxWindow => inner.MaxWindow;

        public Task<ChangedOrderPage> ListChangedAsync(string shopId, DateTimeOffset from, DateTimeOffset to, string? cursor, CancellationToken cancellationToken)
        {
            Windows.Add((from, to));
            if (FailInWindow is { } n && Windows.Distinct().Count() == n)
            {
                throw new PlatformTransientException($"injected failure in window {n}");
            }

            return inner.ListChangedAsync(shopId, from, to, cursor, cancellationToken);
        }
    }
}
