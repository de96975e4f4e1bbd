using Azure;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServerlessSync.Domain.Platforms;
using ServerlessSync.LocalHost.Hosted;
using ServerlessSync.Pipeline.Alerts;
using ServerlessSync.Pipeline.Intake;
using ServerlessSync.Pipeline.Ports;
using ServerlessSync.Pipeline.Sync.Batch;
using ServerlessSync.Pipeline.Sync.Start;
using ServerlessSync.Pipeline.Sync;

namespace ServerlessSync.LocalHost.Tests;

/// <summary>The LocalHost poller over real queues on Azurite, with the real committer and consumer; only the Durable engine is in memory.</summary>
public sealed class IntakeQueuePollerTests
{
    private sealed class Rig(StorageClients storage, IntakeOptions settings, StartRecorder gateway)
    {
        public StorageClients Storage { get; } = storage;

        public StartRecorder Gateway { get; } = gateway;

        public IntakeCommitter Committer { get; } = new(
            new StorageIntakeBatchWriter(new IntakeBodyStore(storage), new IntakeQueue(storage)), Options.Create(settings), TimeProvider.System, NullLogger<IntakeCommitter>.Instance);

        public IntakeQueuePoller Poller { get; } = new(
            storage,
            new IntakeMessageHandler(
                new OrderEventStarter(gateway, new IntakeQueue(storage), Options.Create(settings), SyncRetryPlan.Defaults, NullLogger<OrderEventStarter>.Instance),
                new SyncBatchStarter(gateway, gateway, SyncRetryPlan.Defaults, NullLogger<SyncBatchStarter>.Instance),
                new InboxStore(storage, new IntakeBodyStore(storage)),
                Options.Create(settings),
                NullLogger<IntakeMessageHandler>.Instance),
            new IntakeDeliveryPolicy(
                new IntakeQueue(storage),
                new AlertService(storage, [], Options.Create(new AlertOptions()), TimeProvider.System, NullLogger<AlertService>.Instance),
                Options.Create(settings),
                NullLogger<IntakeDeliveryPolicy>.Instance),
            NoAdmissionLimits(),
            Options.Create(settings),
            NullLogger<IntakeQueuePoller>.Instance);

        /// <summary>Admission that never holds starts back: these tests are about the poller's own handling of messages.</summary>
        private static StartAdmission NoAdmissionLimits() => new(
            new TaskHubBacklog(Options.Create(new DurableTaskOptions()), Options.Create(new StorageOptions()), TimeProvider.System),
            new IntakeFloodMeter(TimeProvider.System),
            Options.Create(new StartAdmissionOptions { MaxTaskHubBacklog = 0, FloodEventsPerSecond = 0 }),
            NullLogger<StartAdmission>.Instance,
            TimeProvider.System);

        public Task<QueueClient> QueueAsync() => Storage.QueueAsync(Storage.IntakeQueueName);

        /// <summary>Messages on the intake queue, visible or not.</summary>
        public async Task<int> MessagesAsync() => (await (await QueueAsync()).GetPropertiesAsync()).Value.ApproximateMessagesCount;

        public static async Task<Rig> CreateAsync(IntakeOptions settings)
        {
            var connection = await Azurite.EnsureRunningAsync();
            var storage = new StorageClients(Options.Create(new StorageOptions
            {
                ConnectionString = connection,
                TablePrefix = Azurite.UniqueName("p"),
                IntakeQueueName = Azurite.UniqueName("q"),
            }));
            return new Rig(storage, settings, new StartRecorder());
        }
    }

    /// <summary>The Durable engine in memory: records starts.</summary>
    /// <summary>Runs started per order: its own SyncOrder run, or a SyncBatch run whose input holds it.</summary>
    private sealed class StartRecorder : IOrchestrationGateway, ISyncBatchGateway
    {
        private readonly object gate = new();
        private readonly Dictionary<string, int> starts = [];

        public Dictionary<string, int> Starts
        {
            get
            {
                lock (gate)
                {
                    return new Dictionary<string, int>(starts);
                }
            }
        }

        /// <summary>Answers this many look-ups with 503 Server Busy first, as the engine's storage does while it is throttled or restarting.</summary>
        public int BusyAnswersLeft { get; set; }

        public Task<InstanceSnapshot?> GetAsync(string instanceId, CancellationToken cancellationToken)
        {
            lock (gate)
            {
                if (BusyAnswersLeft > 0)
                {
                    BusyAnswersLeft--;
                    throw new RequestFailedException(503, "The server is busy.");
                }
            }

            return Task.FromResult<InstanceSnapshot?>(null);
        }

        public Task<bool> TryStartAsync(string instanceId, SyncOrderInput input, CancellationToken cancellationToken)
        {
            lock (gate)
            {
                starts[instanceId] = starts.GetValueOrDefault(instanceId) + 1;
            }

            return Task.FromResult(true);
        }

        public Task<bool> TryStartBatchAsync(string instanceId, SyncBatchInput input, CancellationToken cancellationToken)
        {
            lock (gate)
            {
                foreach (var order in input.Events)
                {
                    starts[order.Key.InstanceId] = starts.GetValueOrDefault(order.Key.InstanceId) + 1;
                }
            }

            return Task.FromResult(true);
        }
    }

    private static InboundMessage Push(string orderId) =>
        new(new OrderEvent("douyin", "shop-1", orderId, "doudian_trade_TradePaid", DateTimeOffset.UtcNow, "m-" + orderId), "{\"p_id\":\"" + orderId + "\"}");

    private static async Task UntilAsync(Func<Task<bool>> condition, string what) =>
        Assert.True(await Poll.UntilAsync(condition, TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(50)), $"timed out waiting until {what}");

    [Fact]
    public async Task Batches_and_single_events_reach_the_consumer_and_each_message_is_deleted_once_handled()
    {
        var rig = await Rig.CreateAsync(new IntakeOptions());
        await rig.Committer.CommitAsync([Push("o-1"), Push("o-2"), Push("o-3"), Push("o-4")], CancellationToken.None);
        await new IntakeQueue(rig.Storage).EnqueueAsync(IntakeMessage.From(Push("o-5").Event, DateTimeOffset.UtcNow));

        await rig.Poller.StartAsync(CancellationToken.None);
        try
        {
            await UntilAsync(async () => rig.Gateway.Starts.Count == 5 && await rig.MessagesAsync() == 0, "five orders are started and both messages deleted");
        }
        finally
        {
            await rig.Poller.StopAsync(CancellationToken.None);
        }

        Assert.All(rig.Gateway.Starts.Values, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task A_message_that_keeps_failing_is_moved_to_the_poison_queue_after_its_tries()
    {
        var rig = await Rig.CreateAsync(new IntakeOptions { MaxDequeueCount = 1, VisibilityTimeoutSeconds = 1 });
        await (await rig.QueueAsync()).SendMessageAsync("{\"id\":\"b-1\",\"events\":[]}");
        var poison = await rig.Storage.QueueAsync(IntakeQueueNames.Poison(rig.Storage.IntakeQueueName));

        await rig.Poller.StartAsync(CancellationToken.None);
        try
        {
            await UntilAsync(async () => (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount == 1 && await rig.MessagesAsync() == 0, "the message is poisoned and deleted from the intake queue");
        }
        finally
        {
            await rig.Poller.StopAsync(CancellationToken.None);
        }

        Assert.Equal("{\"id\":\"b-1\",\"events\":[]}", Assert.Single((await poison.PeekMessagesAsync()).Value).Body.ToString());
        Assert.Equal(0, await rig.MessagesAsync());
    }

    [Fact]
    public async Task Storage_busy_while_runs_start_backs_off_without_using_up_tries_and_the_order_still_starts()
    {
        // One counted failure would poison the message; three 503s in a row must not. A long visibility keeps a slow
        // machine from handing the message out twice (a second delivery of a message whose try never ended counts too).
        var rig = await Rig.CreateAsync(new IntakeOptions { MaxDequeueCount = 1, VisibilityTimeoutSeconds = 30, TransientRetryFirstDelaySeconds = 1, TransientRetryMaxDelaySeconds = 1 });
        rig.Gateway.BusyAnswersLeft = 3;
        await rig.Committer.CommitAsync([Push("o-1")], CancellationToken.None);
        var poison = await rig.Storage.QueueAsync(IntakeQueueNames.Poison(rig.Storage.IntakeQueueName));

        await rig.Poller.StartAsync(CancellationToken.None);
        try
        {
            await UntilAsync(async () => rig.Gateway.Starts.Count == 1 && await rig.MessagesAsync() == 0, "the order is started and its message deleted");
        }
        finally
        {
            await rig.Poller.StopAsync(CancellationToken.None);
        }

        Assert.Equal(0, rig.Gateway.BusyAnswersLeft);
        Assert.Equal(0, (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }
}
