using ServerlessSync.Pipeline.Sync.Batch;

namespace ServerlessSync.Pipeline.Tests.Core;

/// <summary>The starters' ports, in memory: instances by id, and whether the next start is refused. Safe for parallel callers.</summary>
internal sealed class InMemoryGateway : IOrchestrationGateway, ISyncBatchGateway
{
    private readonly object gate = new();

    public Dictionary<string, InstanceSnapshot> Instances { get; } = [];

    /// <summary>The SyncOrder runs started, each for one order.</summary>
    public List<(string InstanceId, SyncOrderInput Input)> Started { get; } = [];

    /// <summary>The SyncBatch runs started, each for the orders in its input.</summary>
    public List<(string InstanceId, SyncBatchInput Input)> StartedBatches { get; } = [];

    /// <summary>The instance id of every order a run was started for, per-order or in a batch.</summary>
    public List<string> StartedOrders
    {
        get
        {
            lock (gate)
            {
                return [.. Started.Select(s => s.InstanceId), .. StartedBatches.SelectMany(b => b.Input.Events.Select(e => e.Key.InstanceId))];
            }
        }
    }

    public bool RefuseStart { get; set; }

    /// <summary>Starts of these instances fail as a Durable backend outage would.</summary>
    public HashSet<string> FailingInstances { get; } = [];

    public DateTimeOffset StartTime { get; set; } = DateTimeOffset.UtcNow;

    public Task<InstanceSnapshot?> GetAsync(string instanceId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(Instances.GetValueOrDefault(instanceId));
        }
    }

    public Task<bool> TryStartAsync(string instanceId, SyncOrderInput input, CancellationToken cancellationToken) =>
        Task.FromResult(TryStart(instanceId, () => Started.Add((instanceId, input))));

    public Task<bool> TryStartBatchAsync(string instanceId, SyncBatchInput input, CancellationToken cancellationToken) =>
        Task.FromResult(TryStart(instanceId, () => StartedBatches.Add((instanceId, input))));

    private bool TryStart(string instanceId, Action record)
    {
        lock (gate)
        {
            if (FailingInstances.Contains(instanceId))
            {
                throw new InvalidOperationException($"injected: the Durable backend refused to start {instanceId}");
            }

            if (RefuseStart || Instances.TryGetValue(instanceId, out var existing) && existing.Status is InstanceRuntimeStatus.Pending or InstanceRuntimeStatus.Running)
            {
                return false;
            }

            record();
            Instances[instanceId] = new InstanceSnapshot(instanceId, InstanceRuntimeStatus.Running, StartTime, null);
            return true;
        }
    }
}

public class OrderEventStarterTests
{
    private static readonly DateTimeOffset Accepted = new(2025, 6, 18, 20, 0, 0, TimeSpan.Zero);
    private const string InstanceId = "douyin:shop-1:6920000000000000001";

    private static IntakeMessage Message() =>
        new("douyin", "shop-1", "6920000000000000001", "doudian_trade_TradePaid", Accepted.AddSeconds(-1), "msg-1", Accepted);

    private static async Task<(OrderEventStarter Starter, InMemoryGateway Gateway, QueueClient Queue)> CreateAsync()
    {
        var storage = await CoreStorage.CreateAsync();
        var gateway = new InMemoryGateway();
        var starter = new OrderEventStarter(gateway, new IntakeQueue(storage), Options.Create(new IntakeOptions { BusyRetryDelaySeconds = 1 }), SyncRetryPlan.Defaults, NullLogger<OrderEventStarter>.Instance, new ManualClock(Accepted));
        return (starter, gateway, await storage.QueueAsync(storage.IntakeQueueName));
    }

    private static async Task<IntakeMessage?> VisibleAsync(QueueClient queue)
    {
        var peeked = (await queue.PeekMessagesAsync(32)).Value;
        return peeked.Length == 0 ? null : IntakeMessage.Parse(Assert.Single(peeked).Body.ToString());
    }

    private static async Task<IntakeMessage> VisibleSoonAsync(QueueClient queue) =>
        await Poll.ForAsync(() => VisibleAsync(queue), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100))
            ?? throw new Xunit.Sdk.XunitException("the re-enqueued event never became visible");

    [Fact]
    public async Task Starts_a_new_instance_under_the_deterministic_id()
    {
        var (starter, gateway, queue) = await CreateAsync();

        Assert.Equal(StartOutcome.Started, await starter.StartAsync(Message(), default));

        var (id, input) = Assert.Single(gateway.Started);
        Assert.Equal(InstanceId, id);
        Assert.Equal(Message().Key, input.Key);
        Assert.Equal(("doudian_trade_TradePaid", "msg-1"), (input.Event, input.MsgId));
        Assert.Null(await VisibleAsync(queue));
    }

    [Fact]
    public async Task A_busy_event_waits_longer_the_older_it_is_up_to_a_minute()
    {
        var storage = await CoreStorage.CreateAsync();
        var gateway = new InMemoryGateway();
        gateway.Instances[InstanceId] = new InstanceSnapshot(InstanceId, InstanceRuntimeStatus.Running, Accepted.AddSeconds(-30), null);
        var starter = new OrderEventStarter(gateway, new IntakeQueue(storage), Options.Create(new IntakeOptions { BusyRetryDelaySeconds = 1 }), SyncRetryPlan.Defaults, NullLogger<OrderEventStarter>.Instance, new ManualClock(Accepted.AddSeconds(12)));
        var queue = await storage.QueueAsync(storage.IntakeQueueName);

        Assert.Equal(StartOutcome.RequeuedBusy, await starter.StartAsync(Message(), default));

        // 12 s old: put back for 6 s, so still invisible after the 1 s minimum (with room for a slow machine) and visible
        // within the 10 s the check waits.
        await Task.Delay(1200);
        Assert.Null(await VisibleAsync(queue));
        Assert.Equal(Message(), await VisibleSoonAsync(queue));
    }

    [Fact]
    public async Task A_run_started_after_the_event_covers_it_even_while_still_running_but_never_a_release()
    {
        var (starter, gateway, queue) = await CreateAsync();
        gateway.Instances[InstanceId] = new InstanceSnapshot(InstanceId, InstanceRuntimeStatus.Running, Accepted.AddSeconds(10), null);

        Assert.Equal(StartOutcome.AlreadyCovered, await starter.StartAsync(Message(), default));
        Assert.Equal(StartOutcome.RequeuedBusy, await starter.StartAsync(Message() with { Event = ServerlessSync.Pipeline.Sync.SyncEvents.Release }, default));
        Assert.Empty(gateway.Started);
    }

    [Theory]
    [InlineData(InstanceRuntimeStatus.Running)]
    [InlineData(InstanceRuntimeStatus.Pending)]
    public async Task An_event_for_a_running_instance_is_put_back_and_reappears_after_the_delay(InstanceRuntimeStatus status)
    {
        var (starter, gateway, queue) = await CreateAsync();
        gateway.Instances[InstanceId] = new InstanceSnapshot(InstanceId, status, Accepted.AddSeconds(-30), null);

        Assert.Equal(StartOutcome.RequeuedBusy, await starter.StartAsync(Message(), default));

        Assert.Empty(gateway.Started);
        Assert.Null(await VisibleAsync(queue)); // hidden for the delay, not lost
        Assert.Equal(Message(), await VisibleSoonAsync(queue));
    }

    [Fact]
    public async Task An_event_is_put_back_when_the_start_is_refused()
    {
        var (starter, gateway, queue) = await CreateAsync();
        gateway.RefuseStart = true;

        Assert.Equal(StartOutcome.RequeuedBusy, await starter.StartAsync(Message(), default));

        Assert.Empty(gateway.Started);
        Assert.Equal(Message(), await VisibleSoonAsync(queue));
    }

    [Fact]
    public async Task An_event_covered_by_a_run_that_began_after_it_is_skipped()
    {
        var (starter, gateway, queue) = await CreateAsync();
        gateway.Instances[InstanceId] = new InstanceSnapshot(InstanceId, InstanceRuntimeStatus.Completed, Accepted.AddSeconds(10), "{}");

        Assert.Equal(StartOutcome.AlreadyCovered, await starter.StartAsync(Message(), default));

        Assert.Empty(gateway.Started);
        Assert.Null(await VisibleAsync(queue));
    }

    [Theory]
    [InlineData(-60, InstanceRuntimeStatus.Completed)]
    [InlineData(1, InstanceRuntimeStatus.Completed)] // within the clock-skew margin: not proven to cover the event
    [InlineData(60, InstanceRuntimeStatus.Failed)]
    [InlineData(60, InstanceRuntimeStatus.Terminated)]
    public async Task An_event_not_covered_by_a_finished_run_starts_a_new_one(int runBeganSecondsAfterAccept, InstanceRuntimeStatus status)
    {
        var (starter, gateway, _) = await CreateAsync();
        gateway.Instances[InstanceId] = new InstanceSnapshot(InstanceId, status, Accepted.AddSeconds(runBeganSecondsAfterAccept), null);

        Assert.Equal(StartOutcome.Started, await starter.StartAsync(Message(), default));
        Assert.Equal(InstanceId, Assert.Single(gateway.Started).InstanceId);
    }
}
