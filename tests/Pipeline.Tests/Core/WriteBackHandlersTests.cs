using ServerlessSync.Pipeline.Sync.Activities;
using ServerlessSync.Pipeline.Sync.WriteBack;

namespace ServerlessSync.Pipeline.Tests.Core;

/// <summary>A write-back is the ledger's compare-and-set, then every registered handler, in order, per order or per batch.</summary>
public sealed class WriteBackHandlersTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 21, 0, 0, TimeSpan.Zero);

    private sealed class Recorder(string name, ConcurrentQueue<string> calls) : IWriteBackHandler
    {
        public ConcurrentQueue<WrittenBack> Seen { get; } = new();

        public Task HandleAsync(WrittenBack written, CancellationToken cancellationToken)
        {
            calls.Enqueue($"{name}:{written.Request.Key.OrderId}");
            Seen.Enqueue(written);
            return Task.CompletedTask;
        }
    }

    private sealed class JoiningRecorder : IJoiningWriteBackHandler
    {
        public List<int> Batches { get; } = [];

        public Task HandleAsync(WrittenBack written, CancellationToken cancellationToken) => HandleManyAsync([written], cancellationToken);

        public Task HandleManyAsync(IReadOnlyList<WrittenBack> written, CancellationToken cancellationToken)
        {
            Batches.Add(written.Count);
            return Task.CompletedTask;
        }
    }

    private static async Task<(WriteBackActivity WriteBack, OrderLedger Ledger, OrderLeases Leases)> CreateAsync(params IWriteBackHandler[] handlers)
    {
        var storage = await CoreStorage.CreateAsync();
        var clock = new ManualClock(T0);
        var (ledger, leases) = (new OrderLedger(storage), new OrderLeases(storage, clock));
        return (new WriteBackActivity(ledger, new WriteBackHandlers(handlers), leases, clock, NullLogger<WriteBackActivity>.Instance), ledger, leases);
    }

    [Fact]
    public async Task A_per_order_write_back_runs_each_handler_after_the_ledger_write_in_registration_order_with_the_status_it_found()
    {
        var calls = new ConcurrentQueue<string>();
        var (first, second) = (new Recorder("first", calls), new Recorder("second", calls));
        var (writeBack, ledger, _) = await CreateAsync(first, second);
        var key = new OrderKey("douyin", "shop-h", "69100001");

        await writeBack.RecordAsync(new WriteBackRequest(key, SyncStatus.Quarantined, "unmapped SKU", UnmappedSkus: ["SKU-X"]));
        await writeBack.RecordAsync(new WriteBackRequest(key, SyncStatus.Synced, "created", ErpOrderNumber: "XSDD0001", ErpTarget: "kingdee"));

        Assert.Equal(["first:69100001", "second:69100001", "first:69100001", "second:69100001"], calls);
        var seen = first.Seen.ToList();
        Assert.Equal((null, SyncStatus.Quarantined), (seen[0].Previous, seen[0].Entry.Status));
        Assert.Equal((SyncStatus.Quarantined, SyncStatus.Synced, "XSDD0001"), (seen[1].Previous, seen[1].Entry.Status, seen[1].Entry.ErpOrderNumber));
        Assert.True(seen[1].SyncedNow);
        Assert.Equal(SyncStatus.Synced, (await ledger.GetAsync(key, default))!.Status);
    }

    [Fact]
    public async Task A_late_run_that_finds_the_order_synced_leaves_the_ledger_and_tells_handlers_it_did_not_sync_it_now()
    {
        var recorder = new Recorder("only", new ConcurrentQueue<string>());
        var (writeBack, _, _) = await CreateAsync(recorder);
        var key = new OrderKey("douyin", "shop-h", "69100002");

        await writeBack.RecordAsync(new WriteBackRequest(key, SyncStatus.Synced, "created", ErpOrderNumber: "XSDD0002"));
        var entry = await writeBack.RecordAsync(new WriteBackRequest(key, SyncStatus.PendingStock, "late run"));

        Assert.Equal((SyncStatus.Synced, "XSDD0002"), (entry.Status, entry.ErpOrderNumber));
        var late = recorder.Seen.Last();
        Assert.Equal(SyncStatus.Synced, late.Previous);
        Assert.False(late.SyncedNow);
    }

    [Fact]
    public async Task A_batch_write_back_runs_each_orders_handlers_in_order_and_gives_a_joining_handler_every_order_at_once()
    {
        var calls = new ConcurrentQueue<string>();
        var (recorder, after) = (new Recorder("each", calls), new Recorder("after", calls));
        var joining = new JoiningRecorder();
        var (writeBack, ledger, _) = await CreateAsync(recorder, joining, after);
        var keys = Enumerable.Range(0, 20).Select(i => new OrderKey("kuaishou", "shop-k", $"21{i:D6}")).ToList();

        var entries = await writeBack.RecordManyAsync(keys.Select((k, i) => new WriteBackRequest(k, SyncStatus.Synced, "created", ErpOrderNumber: $"XSDD{i:D4}")).ToList());

        Assert.Equal(keys, entries.Select(e => e.Key));
        Assert.Equal([20], joining.Batches);
        Assert.Equal(keys.Select(k => k.OrderId).Order(), recorder.Seen.Select(w => w.Request.Key.OrderId).Order());
        Assert.All(recorder.Seen, w => Assert.True(w.SyncedNow));
        var order = calls.ToList();
        Assert.Equal(40, order.Count);
        Assert.All(keys, k => Assert.True(order.IndexOf($"each:{k.OrderId}") < order.IndexOf($"after:{k.OrderId}")));
        foreach (var key in keys)
        {
            Assert.Equal(SyncStatus.Synced, (await ledger.GetAsync(key, default))!.Status);
        }
    }

    [Fact]
    public async Task The_last_write_of_a_per_order_run_gives_up_its_lease_after_the_handlers_ran()
    {
        var (writeBack, _, leases) = await CreateAsync(new Recorder("only", new ConcurrentQueue<string>()));
        var key = new OrderKey("wechat", "shop-w", "37100003");
        Assert.Equal([key], (await leases.AcquireAsync([key], "run-1", TimeSpan.FromMinutes(5), default)).Acquired);
        Assert.NotEmpty((await leases.AcquireAsync([key], "run-2", TimeSpan.FromMinutes(5), default)).Busy);

        await writeBack.RecordAsync(new WriteBackRequest(key, SyncStatus.Synced, "created", ErpOrderNumber: "XSDD0003", ReleaseLeaseOf: "run-1"));

        Assert.Equal([key], (await leases.AcquireAsync([key], "run-2", TimeSpan.FromMinutes(5), default)).Acquired);
    }
}
