using ServerlessSync.Pipeline.SellerNotes;

namespace ServerlessSync.Pipeline.Tests.SellerNotes;

/// <summary>
/// The seller-note queue worked with the real Douyin order client and note writer against the simulator, and the real
/// queue, ledger, profiles and alerts on Azurite.
/// </summary>
public sealed class SellerNoteWriteBackTests(DouyinSimulatorHostFixture sim) : DouyinShopTests(sim)
{
    private static readonly SellerNoteOptions Settings = new() { AlertAfterAttempts = 3, MaxAttempts = 5, RetryBaseSeconds = 10, DefaultCallsPerSecond = 1000 };

    private sealed record Rig(SellerNoteWriteBack Worker, SellerNoteQueue Queue, Shop Shop) : Shop(Shop);

    private async Task<Rig> RigAsync()
    {
        var shop = await NewShopAsync();
        var queue = new SellerNoteQueue(shop.Storage);
        var worker = new SellerNoteWriteBack(
            queue, shop.Ledger, shop.Profiles, [new DouyinOrderClient(Http, shop.Api)], [new DouyinSellerNoteWriter(Http, shop.Api)],
            shop.Alerts, Options.Create(Settings), shop.Clock, NullLogger<SellerNoteWriteBack>.Instance);
        return new Rig(worker, queue, shop);
    }

    /// <summary>A platform order recorded Synced with <paramref name="erpNumber"/> and queued for its note, as the write-back leaves it.</summary>
    private async Task<OrderKey> SyncedAsync(Rig rig, string erpNumber, string sellerWords = "")
    {
        var order = Sim.Store.CreateOrders(1, rig.ShopId).Single();
        Sim.Store.SetRemark(order.OrderId, sellerWords, null);
        var key = new OrderKey(PlatformNames.Douyin, rig.ShopId, order.OrderId);
        await rig.RecordSyncedAsync(key, erpNumber);
        await rig.Queue.EnqueueAsync(key, erpNumber, rig.Clock.GetUtcNow(), CancellationToken.None);
        return key;
    }

    [Fact]
    public async Task The_erp_number_follows_a_persons_note_and_the_ledger_records_it()
    {
        var rig = await RigAsync();
        var key = await SyncedAsync(rig, "SO-7001", sellerWords: "送红色礼盒");

        var result = await rig.Worker.RunAsync(CancellationToken.None);

        Assert.Equal(1, result.Written);
        Assert.Equal("送红色礼盒 ERP:SO-7001", Sim.Store.Find(key.OrderId)!.SellerWords);
        var entry = await rig.Ledger.GetAsync(key, CancellationToken.None);
        Assert.Equal(SyncStatus.Synced, entry!.Status);
        Assert.Equal("Seller note on the platform carries \"ERP:SO-7001\"", entry.SellerNote);
        Assert.Equal(rig.Clock.GetUtcNow(), entry.SellerNoteAt);
        Assert.Equal(["written"], entry.History.Select(h => h.Note)); // the history stays the sync's
        Assert.Null(await rig.Queue.GetAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task A_retry_finds_our_text_and_never_adds_it_twice()
    {
        var rig = await RigAsync();
        var key = await SyncedAsync(rig, "SO-7002", sellerWords: "加急");
        await rig.Worker.RunAsync(CancellationToken.None);

        await rig.Queue.EnqueueAsync(key, "SO-7002", rig.Clock.GetUtcNow(), CancellationToken.None);
        var again = await rig.Worker.RunAsync(CancellationToken.None);

        Assert.Equal((0, 1), (again.Written, again.AlreadyThere));
        Assert.Equal("加急 ERP:SO-7002", Sim.Store.Find(key.OrderId)!.SellerWords);
        var entry = await rig.Ledger.GetAsync(key, CancellationToken.None);
        Assert.Equal("Seller note on the platform carries \"ERP:SO-7002\"", entry!.SellerNote);
    }

    [Fact]
    public async Task A_note_that_would_pass_the_limit_is_skipped_the_persons_note_kept_and_the_reason_recorded()
    {
        var rig = await RigAsync();
        var persons = new string('备', 55);
        var key = await SyncedAsync(rig, "SO-7003", sellerWords: persons);

        var result = await rig.Worker.RunAsync(CancellationToken.None);

        Assert.Equal(1, result.Skipped);
        Assert.Equal(persons, Sim.Store.Find(key.OrderId)!.SellerWords);
        var entry = await rig.Ledger.GetAsync(key, CancellationToken.None);
        Assert.StartsWith("Seller note not written: the shop's own note and ours would be 67 characters, over the platform's limit of 60", entry!.SellerNote, StringComparison.Ordinal);
        Assert.Null(await rig.Queue.GetAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task A_shop_whose_profile_turns_it_off_gets_no_note_and_a_template_shapes_the_text()
    {
        var rig = await RigAsync();
        await rig.SaveDemoProfileAsync(p => p with { SellerNote = new SellerNoteSetting(SellerNoteMode.Off) });
        var off = await SyncedAsync(rig, "SO-7004");
        await rig.Worker.RunAsync(CancellationToken.None);

        await rig.SaveDemoProfileAsync(p => p with { SellerNote = new SellerNoteSetting(SellerNoteMode.Template, "金蝶单号 {erpOrderNumber}") });
        var templated = await SyncedAsync(rig, "SO-7005");
        await rig.Worker.RunAsync(CancellationToken.None);

        Assert.Equal("", Sim.Store.Find(off.OrderId)!.SellerWords);
        Assert.Equal("Seller note not written: the shop's profile turns it off", (await rig.Ledger.GetAsync(off, CancellationToken.None))!.SellerNote);
        Assert.Equal("金蝶单号 SO-7005", Sim.Store.Find(templated.OrderId)!.SellerWords);
    }

    [Fact]
    public async Task Failures_wait_longer_each_time_alert_from_the_third_and_never_touch_the_orders_sync()
    {
        var rig = await RigAsync();
        var key = await SyncedAsync(rig, "SO-7006");
        await WhilePlatformFailsAsync(async () =>
        {
            for (var run = 1; run <= 3; run++)
            {
                var result = await rig.Worker.RunAsync(CancellationToken.None);
                var pending = await rig.Queue.GetAsync(key, CancellationToken.None);
                Assert.Equal(1, result.Failed);
                Assert.Equal(run, pending!.Failures);
                Assert.Equal(rig.Clock.GetUtcNow() + Settings.RetryDelay(run), pending.DueAt);

                Assert.Equal(0, (await rig.Worker.RunAsync(CancellationToken.None)).Failed); // not due yet: not tried
                rig.Clock.Advance(Settings.RetryDelay(run));
            }

            Assert.Equal(SyncStatus.Synced, (await rig.Ledger.GetAsync(key, CancellationToken.None))!.Status);
            Assert.Equal([key.InstanceId], await AlertedAsync(rig));
        });

        var recovered = await rig.Worker.RunAsync(CancellationToken.None);
        Assert.Equal(1, recovered.Written);
        Assert.Equal("ERP:SO-7006", Sim.Store.Find(key.OrderId)!.SellerWords);
    }

    [Fact]
    public async Task After_the_last_try_the_note_is_given_up_recorded_and_alerted()
    {
        var rig = await RigAsync();
        var key = await SyncedAsync(rig, "SO-7007");
        await WhilePlatformFailsAsync(async () =>
        {
            for (var run = 1; run <= Settings.MaxAttempts; run++)
            {
                await rig.Worker.RunAsync(CancellationToken.None);
                rig.Clock.Advance(TimeSpan.FromSeconds(Settings.RetryMaxSeconds));
            }
        });

        Assert.Null(await rig.Queue.GetAsync(key, CancellationToken.None));
        var entry = await rig.Ledger.GetAsync(key, CancellationToken.None);
        Assert.Equal(SyncStatus.Synced, entry!.Status);
        Assert.StartsWith($"Seller note given up after {Settings.MaxAttempts} tries: PlatformTransientException", entry.SellerNote, StringComparison.Ordinal);
        Assert.Contains(key.InstanceId, await AlertedAsync(rig));
    }

    private static Task<List<string>> AlertedAsync(Rig rig) => rig.AlertedAsync(AlertKind.SellerNoteFailed);
}
