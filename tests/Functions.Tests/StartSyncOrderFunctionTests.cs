using ServerlessSync.Domain.Alerts;
using ServerlessSync.Pipeline.Alerts;
using ServerlessSync.Pipeline.Sync.Start;

namespace ServerlessSync.Functions.Tests;

/// <summary>
/// The queue trigger method with real intake messages (batches the webhook committed, single events as re-queues and
/// resyncs send them) on Azurite, a real Durable backend and the real gRPC DurableTaskClient the function receives as
/// its <c>[DurableClient]</c> binding.
/// </summary>
public sealed class StartSyncOrderFunctionTests(DurableHostFixture durable) : IClassFixture<DurableHostFixture>
{
    private static IntakeMessage Message(string @event, DateTimeOffset? acceptedAt = null) =>
        new(PlatformNames.Douyin, "100200300", DurableHostFixture.NewOrderId(), @event, DateTimeOffset.UtcNow.AddSeconds(-1), "msg-" + Guid.NewGuid().ToString("N"), acceptedAt ?? DateTimeOffset.UtcNow);

    /// <summary>Takes the one message the queue holds, as the trigger would receive it.</summary>
    private static async Task<string> ReceiveAsync(FunctionsTestApp app)
    {
        var queue = await app.IntakeQueueAsync();
        var received = (await queue.ReceiveMessagesAsync(1)).Value;
        var message = Assert.Single(received);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        return message.Body.ToString();
    }

    private static readonly IntakeHandled OneStarted = new(Events: 1, Duplicates: 0, Started: 1, RequeuedBusy: 0, AlreadyCovered: 0);

    [Fact]
    public async Task A_webhook_batch_records_the_push_in_the_inbox_and_starts_a_batch_run_for_it_and_a_redelivered_push_is_recorded_and_started_once()
    {
        await using var app = await FunctionsTestApp.StartAsync();
        var (order, push) = Pushes.DouyinPaid();
        var webhook = app.Create<WebhookFunction>();
        var function = app.Create<StartSyncOrderFunction>();

        var acks = new[]
        {
            (ContentResult)await webhook.RunAsync(Pushes.Request(push), PlatformNames.Douyin, CancellationToken.None),
            (ContentResult)await webhook.RunAsync(Pushes.Request(push), PlatformNames.Douyin, CancellationToken.None),
        };
        Assert.All(acks, a => Assert.Equal((200, DouyinPushAck.Success), (a.StatusCode!.Value, a.Content!)));
        var firstText = await ReceiveAsync(app);
        var first = await function.RunAsync(firstText, durable.Client, app.QueueTry(1), CancellationToken.None);
        var second = await function.RunAsync(await ReceiveAsync(app), durable.Client, app.QueueTry(1), CancellationToken.None);

        Assert.Equal(OneStarted, first);
        Assert.Equal(new IntakeHandled(Events: 1, Duplicates: 1, Started: 0, RequeuedBusy: 0, AlreadyCovered: 0), second);
        var row = Assert.Single(await app.RowsAsync(InboxStore.TableName));
        Assert.Equal($"douyin:{order.ShopId}:{order.OrderId}", row.PartitionKey);
        Assert.Equal(push.MsgId, row.RowKey);
        Assert.Contains(order.OrderId, await app.Service<InboxStore>().GetRawMessageAsync(PlatformNames.Douyin, order.ShopId, order.OrderId, push.MsgId, CancellationToken.None));
        var instance = await durable.WaitForCompletionAsync(SyncBatchStarter.InstanceIdOf(IntakeDelivery.Parse(firstText).Batch!.Id));
        Assert.Equal(SyncTasks.SyncBatch.Name, instance.Name);
        var input = instance.ReadInputAs<SyncBatchInput>()!;
        Assert.Equal(push.MsgId, Assert.Single(input.Events).MsgId);
        Assert.Equal(SyncRetryPlan.From(app.Service<SyncSettings>()), input.Retries);

        // The same message delivered again finds its batch run and starts nothing.
        Assert.Equal(1, (await function.RunAsync(firstText, durable.Client, app.QueueTry(1), CancellationToken.None))?.AlreadyCovered);
    }

    [Fact]
    public async Task An_intake_message_starts_SyncOrder_under_the_deterministic_instance_id_with_the_event_and_the_configured_retries_as_input()
    {
        await using var app = await FunctionsTestApp.StartAsync(new Dictionary<string, string?> { ["Sync:WriteErpMaxAttempts"] = "7", ["Sync:WriteBackRetrySeconds"] = "42" });
        var message = Message("paid");
        await app.EnqueueAsync(message);
        var text = await ReceiveAsync(app);

        var outcome = await app.Create<StartSyncOrderFunction>().RunAsync(text, durable.Client, app.QueueTry(1), CancellationToken.None);

        Assert.Equal(OneStarted, outcome);
        var instance = await durable.WaitForCompletionAsync($"douyin:100200300:{message.OrderId}");
        Assert.Equal(SyncTasks.SyncOrder.Name, instance.Name);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
        var retries = SyncRetryPlan.From(new SyncSettings { WriteErpMaxAttempts = 7, WriteBackRetrySeconds = 42 });
        Assert.Equal(new SyncOrderInput(message.Key, "paid", message.MsgId, retries), instance.ReadInputAs<SyncOrderInput>());
        Assert.Empty(await app.PeekIntakeAsync());
    }

    [Fact]
    public async Task An_event_for_a_running_instance_is_put_back_on_the_queue_with_a_delay_not_dropped()
    {
        await using var app = await FunctionsTestApp.StartAsync(new Dictionary<string, string?> { ["Intake:BusyRetryDelaySeconds"] = "2" });
        var function = app.Create<StartSyncOrderFunction>();
        var first = Message(DurableHostFixture.Hold);
        await app.EnqueueAsync(first);
        Assert.Equal(OneStarted, await function.RunAsync(await ReceiveAsync(app), durable.Client, app.QueueTry(1), CancellationToken.None));
        await durable.WaitForStartAsync(first.Key.InstanceId);

        var second = first with { Event = "cancelled", MsgId = "msg-second", AcceptedAt = DateTimeOffset.UtcNow };
        await app.EnqueueAsync(second);
        var outcome = await function.RunAsync(await ReceiveAsync(app), durable.Client, app.QueueTry(1), CancellationToken.None);

        Assert.Equal(1, outcome!.RequeuedBusy);
        Assert.Empty(await app.PeekIntakeAsync());
        var visible = await app.PeekIntakeAsync();
        await Poll.UntilAsync(async () => (visible = await app.PeekIntakeAsync()).Count > 0, TimeSpan.FromSeconds(20));

        var requeued = IntakeMessage.Parse(Assert.Single(visible).Body.ToString());
        Assert.Equal(second, requeued);

        // The running instance was left alone: still the first event's run.
        var running = await durable.Client.GetInstanceAsync(first.Key.InstanceId, getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Running, running!.RuntimeStatus);
        Assert.Equal(DurableHostFixture.Hold, running.ReadInputAs<SyncOrderInput>()!.Event);
        await durable.Client.RaiseEventAsync(first.Key.InstanceId, DurableHostFixture.ReleaseEvent, "go");
        await durable.WaitForCompletionAsync(first.Key.InstanceId);
    }

    [Fact]
    public async Task An_event_accepted_before_a_finished_run_began_is_already_covered_and_starts_nothing()
    {
        await using var app = await FunctionsTestApp.StartAsync();
        var function = app.Create<StartSyncOrderFunction>();
        var stale = Message("paid", acceptedAt: DateTimeOffset.UtcNow.AddMinutes(-5));
        var run = new SyncOrderInput(stale.Key, "shipped", "msg-run");
        await durable.Client.ScheduleNewOrchestrationInstanceAsync(SyncTasks.SyncOrder.Name, run, new Microsoft.DurableTask.StartOrchestrationOptions(stale.Key.InstanceId));
        var finished = await durable.WaitForCompletionAsync(stale.Key.InstanceId);

        var outcome = await function.RunAsync(stale.ToJson(), durable.Client, app.QueueTry(1), CancellationToken.None);

        Assert.Equal(1, outcome!.AlreadyCovered);
        var after = await durable.Client.GetInstanceAsync(stale.Key.InstanceId, getInputsAndOutputs: true);
        Assert.Equal("shipped", after!.ReadInputAs<SyncOrderInput>()!.Event);
        Assert.Equal(finished.CreatedAt, after.CreatedAt);
        Assert.Empty(await app.PeekIntakeAsync());
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("""{"platform":"myspace","shopId":"1","orderId":"2","event":"paid"}""")]
    [InlineData("""{"platform":"douyin","shopId":"","orderId":"2","event":"paid"}""")]
    public async Task A_malformed_message_is_not_swallowed_so_the_trigger_retries_it_and_its_last_try_poisons_it_with_an_alert(string text)
    {
        await using var app = await FunctionsTestApp.StartAsync();
        var function = app.Create<StartSyncOrderFunction>();

        await Assert.ThrowsAsync<FormatException>(() => function.RunAsync(text, durable.Client, app.QueueTry(4), CancellationToken.None));
        Assert.Empty(await PoisonTextsAsync(app));
        var last = await function.RunAsync(text, durable.Client, app.QueueTry(5), CancellationToken.None);

        Assert.Null(last);
        Assert.Equal([text], await PoisonTextsAsync(app));
        var alert = Assert.Single(await app.RowsAsync(AlertService.LogTable));
        Assert.Equal((nameof(AlertKind.IntakePoisoned), IntakeDeliveryPolicy.AlertTarget), (alert.GetString("Kind"), alert.GetString("Target")));
        Assert.Contains("POST /api/intake/poison/redrive", alert.GetString("Reason"));
        Assert.Empty(await app.PeekIntakeAsync());
    }

    [Fact]
    public async Task An_unreachable_durable_engine_puts_the_message_back_with_a_growing_delay_even_on_its_last_try_instead_of_poisoning_it()
    {
        await using var app = await FunctionsTestApp.StartAsync();
        var message = Message("paid");
        await using var unreachable = DurableTaskClientOnClosedPort();
        var function = app.Create<StartSyncOrderFunction>();

        var outcome = await function.RunAsync(message.ToJson(), unreachable, app.QueueTry(5), CancellationToken.None);

        Assert.Null(outcome);
        Assert.Empty(await PoisonTextsAsync(app));
        Assert.Empty(await app.PeekIntakeAsync());
        var queue = await app.IntakeQueueAsync();
        Assert.Equal(1, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    private static async Task<List<string>> PoisonTextsAsync(FunctionsTestApp app)
    {
        var poison = await app.Storage.QueueAsync(IntakeQueueNames.Poison(app.Storage.IntakeQueueName));
        return (await poison.PeekMessagesAsync(32)).Value.Select(m => m.Body.ToString()).ToList();
    }

    /// <summary>A real gRPC Durable client pointed at a loopback port nobody listens on (a host whose Durable extension is down).</summary>
    private static DurableTaskClient DurableTaskClientOnClosedPort()
    {
        var channel = Grpc.Net.Client.GrpcChannel.ForAddress($"http://127.0.0.1:{ServerlessSync.TestSupport.FreePort.Next()}");
        return new Microsoft.DurableTask.Client.Grpc.GrpcDurableTaskClient(
            "unreachable",
            new Microsoft.DurableTask.Client.Grpc.GrpcDurableTaskClientOptions { Channel = channel },
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
    }
}
