using System.Globalization;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServerlessSync.Pipeline.Intake;
using ServerlessSync.Pipeline.Platforms;
using ServerlessSync.Pipeline.Platforms.Douyin;
using ServerlessSync.Pipeline.Ports;
using ServerlessSync.Pipeline.Pull;
using ServerlessSync.Pipeline.Tests.Core;
using ServerlessSync.Pipeline.Tests.Intake;
using ServerlessSync.Pipeline.Tests.Platforms.Douyin;
using ServerlessSync.Simulators.Douyin;

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

    private sealed record Rig(PullService Pull, IPlatformOrderLister Lister, WatermarkStore Watermarks, QueueClient Queue, ManualClock Clock, string ShopId, DateTimeOffset Start);

    /// <param name="wrap">Wraps the real lister (a recorder or a failure injector); the lister is not what these tests test.</param>
    private async Task<Rig> RigAsync(Func<IPlatformOrderLister, IPlatformOrderLister>? wrap = null, PullOptions? settings = null)
    {
        var shopId = Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString(CultureInfo.InvariantCulture);
        sim.Options.ShopAccessTokens["token-" + shopId] = shopId;
        var start = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var clock = new ManualClock(start);

        var storage = await CoreStorage.CreateAsync();
        var watermarks = new WatermarkStore(storage);
        var intake = IntakeTestKit.Committer(storage, clock);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"Platforms:Douyin:Shops:{shopId}:PullEnabled"] = "true",
            [$"Platforms:Douyin:Shops:{shopId}:AccessToken"] = "token-" + shopId,
        }).Build();
        var lister = wrap is null ? RealLister(shopId) : wrap(RealLister(shopId));
        var pull = new PullService(
            [lister], watermarks, intake, new PulledOrdersMemory(), configuration, Options.Create(settings ?? Settings), clock, NullLogger<PullService>.Instance);
        return new Rig(pull, lister, watermarks, await storage.QueueAsync(storage.IntakeQueueName), clock, shopId, start);
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

        await Assert.ThrowsAsync<PlatformTransientException>(() => rig.Pull.PullAllAsync(CancellationToken.None));

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
