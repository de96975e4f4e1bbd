using ServerlessSync.Pipeline.Ports;
using ServerlessSync.Pipeline.Sync.Start;

namespace ServerlessSync.Functions.Tests;

/// <summary>The Functions implementation of <see cref="IOrchestrationGateway"/> against a real Durable backend and gRPC client.</summary>
public sealed class DurableClientGatewayTests(DurableHostFixture durable) : IClassFixture<DurableHostFixture>
{
    private static SyncOrderInput Input(string orderId, string @event) =>
        new(new OrderKey(PlatformNames.Douyin, "100200300", orderId), @event, "msg-" + orderId);

    [Fact]
    public async Task An_unknown_instance_is_null()
    {
        var gateway = new DurableClientGateway(durable.Client);

        Assert.Null(await gateway.GetAsync("douyin:100200300:" + DurableHostFixture.NewOrderId(), CancellationToken.None));
    }

    [Fact]
    public async Task Starts_once_refuses_a_second_start_while_running_and_reports_the_completed_output()
    {
        var gateway = new DurableClientGateway(durable.Client);
        var input = Input(DurableHostFixture.NewOrderId(), DurableHostFixture.Hold);
        var id = input.Key.InstanceId;
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);

        Assert.True(await gateway.TryStartAsync(id, input, CancellationToken.None));
        var started = await durable.WaitForStartAsync(id);
        Assert.Equal(SyncTasks.SyncOrder.Name, started.Name);
        Assert.Equal(input, started.ReadInputAs<SyncOrderInput>());

        var running = await gateway.GetAsync(id, CancellationToken.None);
        Assert.NotNull(running);
        Assert.Equal(id, running.InstanceId);
        Assert.Equal(InstanceRuntimeStatus.Running, running.Status);
        Assert.InRange(running.CreatedAt, before, DateTimeOffset.UtcNow.AddSeconds(5));

        Assert.False(await gateway.TryStartAsync(id, Input(input.Key.OrderId, "paid"), CancellationToken.None));

        await durable.Client.RaiseEventAsync(id, DurableHostFixture.ReleaseEvent, "go");
        await durable.WaitForCompletionAsync(id);
        var completed = await gateway.GetAsync(id, CancellationToken.None);
        Assert.NotNull(completed);
        Assert.Equal(InstanceRuntimeStatus.Completed, completed.Status);
        Assert.Equal(running.CreatedAt, completed.CreatedAt);
        var output = JsonSerializer.Deserialize<SyncOrderResult>(completed.Output!);
        Assert.Equal(new SyncOrderResult(SyncStatus.Synced, "ERP-" + input.Key.OrderId, null), output);
    }

    [Fact]
    public async Task A_finished_instance_is_replaced_by_a_new_run()
    {
        var gateway = new DurableClientGateway(durable.Client);
        var orderId = DurableHostFixture.NewOrderId();
        var id = Input(orderId, "paid").Key.InstanceId;

        Assert.True(await gateway.TryStartAsync(id, Input(orderId, "paid"), CancellationToken.None));
        var first = await durable.WaitForCompletionAsync(id);

        Assert.True(await gateway.TryStartAsync(id, Input(orderId, "cancelled"), CancellationToken.None));
        var second = await durable.WaitForCompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, second.RuntimeStatus);
        Assert.Equal("cancelled", second.ReadInputAs<SyncOrderInput>()!.Event);
        Assert.True(second.CreatedAt >= first.CreatedAt);
    }

    [Fact]
    public async Task A_failed_run_is_reported_failed()
    {
        var gateway = new DurableClientGateway(durable.Client);
        var input = Input(DurableHostFixture.NewOrderId(), DurableHostFixture.Fail);

        Assert.True(await gateway.TryStartAsync(input.Key.InstanceId, input, CancellationToken.None));
        await durable.WaitForCompletionAsync(input.Key.InstanceId);

        Assert.Equal(InstanceRuntimeStatus.Failed, (await gateway.GetAsync(input.Key.InstanceId, CancellationToken.None))!.Status);
    }

    [Fact]
    public void Every_runtime_status_maps_and_only_unfinished_ones_block_a_start()
    {
#pragma warning disable CS0618 // ContinuedAsNew and Canceled are obsolete but still reported by some backends.
        var expected = new Dictionary<OrchestrationRuntimeStatus, InstanceRuntimeStatus>
        {
            [OrchestrationRuntimeStatus.Pending] = InstanceRuntimeStatus.Pending,
            [OrchestrationRuntimeStatus.Running] = InstanceRuntimeStatus.Running,
            [OrchestrationRuntimeStatus.Suspended] = InstanceRuntimeStatus.Running,
            [OrchestrationRuntimeStatus.ContinuedAsNew] = InstanceRuntimeStatus.Running,
            [OrchestrationRuntimeStatus.Completed] = InstanceRuntimeStatus.Completed,
            [OrchestrationRuntimeStatus.Failed] = InstanceRuntimeStatus.Failed,
            [OrchestrationRuntimeStatus.Terminated] = InstanceRuntimeStatus.Terminated,
            [OrchestrationRuntimeStatus.Canceled] = InstanceRuntimeStatus.Terminated,
        };
#pragma warning restore CS0618
        Assert.Equal(Enum.GetValues<OrchestrationRuntimeStatus>().Order(), expected.Keys.Order());
        foreach (var (status, mapped) in expected)
        {
            Assert.Equal(mapped, DurableClientGateway.Map(status));
        }

        // What blocks a start is what the starter treats as busy (ContinuedAsNew is transient and cannot be a dedupe status).
        Assert.Equal(
            new[] { OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended }.Order(),
            DurableClientGateway.BlockingStatuses.Order());
        Assert.All(DurableClientGateway.BlockingStatuses, s => Assert.Contains(DurableClientGateway.Map(s), new[] { InstanceRuntimeStatus.Pending, InstanceRuntimeStatus.Running }));
    }
}
