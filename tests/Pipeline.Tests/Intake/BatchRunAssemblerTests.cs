using ServerlessSync.Pipeline.Sync.Batch;

namespace ServerlessSync.Pipeline.Tests.Intake;

public class BatchRunAssemblerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 20, 0, 0, TimeSpan.Zero);

    /// <summary>Every batch start, in memory; starts of the ids in <see cref="Failing"/> fail as a Durable backend outage would.</summary>
    private sealed class RecordingBatches : ISyncBatchGateway
    {
        public List<(string InstanceId, SyncBatchInput Input)> Started { get; } = [];

        public HashSet<string> Failing { get; } = [];

        public Task<bool> TryStartBatchAsync(string instanceId, SyncBatchInput input, CancellationToken cancellationToken)
        {
            lock (Started)
            {
                if (Failing.Contains(instanceId))
                {
                    throw new InvalidOperationException($"injected: the Durable backend refused to start {instanceId}");
                }

                Started.Add((instanceId, input));
                return Task.FromResult(true);
            }
        }
    }

    private static IntakeMessage Event(string orderId, string @event, int acceptedSecond) =>
        new("douyin", "shop-1", orderId, @event, T0, $"{orderId}-{@event}", T0.AddSeconds(acceptedSecond));

    private static (BatchRunAssembler Assembler, SyncBatchStarter Starter, RecordingBatches Batches) Create(int maxOrders, int gatherMs)
    {
        var batches = new RecordingBatches();
        var starter = new SyncBatchStarter(new InMemoryGateway(), batches, SyncRetryPlan.Defaults, NullLogger<SyncBatchStarter>.Instance);
        var options = Options.Create(new IntakeOptions { MaxOrdersPerRun = maxOrders, RunGatherMs = gatherMs });
        return (new BatchRunAssembler(options, TimeProvider.System, NullLogger<BatchRunAssembler>.Instance), starter, batches);
    }

    [Fact]
    public async Task Messages_handled_together_share_one_run_named_after_the_smallest_message_id_with_each_order_once()
    {
        var (assembler, starter, batches) = Create(maxOrders: 100, gatherMs: 300);

        var starts = new[]
        {
            assembler.StartAsync(starter, "m-2", [Event("1", "created", 1), Event("2", "created", 1)], CancellationToken.None),
            assembler.StartAsync(starter, "m-1", [Event("1", "paid", 2), Event("3", "paid", 2)], CancellationToken.None),
            assembler.StartAsync(starter, "m-3", [Event("4", "paid", 3)], CancellationToken.None),
        };
        var outcomes = await Task.WhenAll(starts).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.All(outcomes, o => Assert.Equal(StartOutcome.Started, o));
        var (instanceId, input) = Assert.Single(batches.Started);
        Assert.Equal(SyncBatchStarter.InstanceIdOf("m-1"), instanceId);
        Assert.Equal(["1", "2", "3", "4"], input.Events.Select(e => e.OrderId));
        Assert.Equal("paid", input.Events.Single(e => e.OrderId == "1").Event); // the latest accepted event speaks for the order
    }

    [Fact]
    public async Task A_gathering_that_fills_up_starts_at_once_and_the_next_message_opens_a_new_one()
    {
        // A ten-minute window: if a full gathering waited for it, the test would time out.
        var (assembler, starter, batches) = Create(maxOrders: 3, gatherMs: 600_000);

        var first = assembler.StartAsync(starter, "m-1", [Event("1", "paid", 1), Event("2", "paid", 1)], CancellationToken.None);
        var second = assembler.StartAsync(starter, "m-2", [Event("3", "paid", 1)], CancellationToken.None);
        var overflow = assembler.StartAsync(starter, "m-3", [Event("4", "paid", 1), Event("5", "paid", 1), Event("6", "paid", 1), Event("7", "paid", 1)], CancellationToken.None);
        await Task.WhenAll(first, second, overflow).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, batches.Started.Count);
        var gathered = batches.Started.Single(s => s.InstanceId == SyncBatchStarter.InstanceIdOf("m-1"));
        Assert.Equal(["1", "2", "3"], gathered.Input.Events.Select(e => e.OrderId));
        var alone = batches.Started.Single(s => s.InstanceId == SyncBatchStarter.InstanceIdOf("m-3"));
        Assert.Equal(4, alone.Input.Events.Count); // a message larger than the cap still makes one run
    }

    [Fact]
    public async Task When_the_run_cannot_be_started_every_message_in_it_fails_so_each_stays_on_the_queue()
    {
        var (assembler, starter, batches) = Create(maxOrders: 100, gatherMs: 200);
        batches.Failing.Add(SyncBatchStarter.InstanceIdOf("m-1"));

        var first = assembler.StartAsync(starter, "m-1", [Event("1", "paid", 1)], CancellationToken.None);
        var second = assembler.StartAsync(starter, "m-2", [Event("2", "paid", 1)], CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => first.WaitAsync(TimeSpan.FromSeconds(30)));
        await Assert.ThrowsAsync<InvalidOperationException>(() => second.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Empty(batches.Started);
    }

    [Fact]
    public async Task With_no_gathering_window_each_message_makes_its_own_run()
    {
        var (assembler, starter, batches) = Create(maxOrders: 100, gatherMs: 0);

        await assembler.StartAsync(starter, "m-1", [Event("1", "paid", 1)], CancellationToken.None);
        await assembler.StartAsync(starter, "m-2", [Event("2", "paid", 1)], CancellationToken.None);

        Assert.Equal([SyncBatchStarter.InstanceIdOf("m-1"), SyncBatchStarter.InstanceIdOf("m-2")], batches.Started.Select(s => s.InstanceId));
    }
}
