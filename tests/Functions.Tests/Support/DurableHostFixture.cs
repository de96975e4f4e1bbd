using Microsoft.DurableTask;
using Microsoft.DurableTask.Testing;

namespace ServerlessSync.Functions.Tests.Support;

/// <summary>
/// A real Durable Task backend in process (Microsoft.DurableTask.InProcessTestHost): an in-memory orchestration service
/// behind a gRPC sidecar, with a real gRPC <see cref="DurableTaskClient"/>, the same client type the Functions host binds
/// to <c>[DurableClient]</c>. SyncOrder here is a stand-in whose behaviour the test picks through the input's event:
/// <c>hold</c> waits for the <see cref="ReleaseEvent"/>, <c>fail</c> throws, anything else completes at once. SyncBatch is
/// a stand-in that completes at once.
/// </summary>
public sealed class DurableHostFixture : IAsyncLifetime
{
    public const string ReleaseEvent = "release";
    public const string Hold = "hold";
    public const string Fail = "fail";

    private DurableTaskTestHost? host;

    public DurableTaskClient Client => host?.Client ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        host = await DurableTaskTestHost.StartAsync(registry => registry
            .AddOrchestrator(SyncTasks.SyncOrder.Name, new StandInSyncOrder())
            .AddOrchestrator(SyncTasks.SyncBatch.Name, new StandInSyncBatch()));
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    public static string NewOrderId() => "69" + Random.Shared.NextInt64(10_000_000_000_000_000, 99_999_999_999_999_999);

    public async Task<OrchestrationMetadata> WaitForCompletionAsync(string instanceId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
    }

    public async Task<OrchestrationMetadata> WaitForStartAsync(string instanceId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await Client.WaitForInstanceStartAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
    }

    private sealed class StandInSyncOrder : TaskOrchestrator<SyncOrderInput, SyncOrderResult>
    {
        public override async Task<SyncOrderResult> RunAsync(TaskOrchestrationContext context, SyncOrderInput input)
        {
            if (input.Event == Hold)
            {
                await context.WaitForExternalEvent<string>(ReleaseEvent);
            }
            else if (input.Event == Fail)
            {
                throw new InvalidOperationException("stand-in SyncOrder failed on purpose");
            }

            return new SyncOrderResult(SyncStatus.Synced, "ERP-" + input.Key.OrderId, null);
        }
    }

    private sealed class StandInSyncBatch : TaskOrchestrator<SyncBatchInput, SyncBatchResult>
    {
        public override Task<SyncBatchResult> RunAsync(TaskOrchestrationContext context, SyncBatchInput input) =>
            Task.FromResult(new SyncBatchResult(input.Events.Count, input.Events.Count, 0, 0, 0, 0, 0));
    }
}
