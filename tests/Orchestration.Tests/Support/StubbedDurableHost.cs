using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using ServerlessSync.TestSupport;

namespace ServerlessSync.Orchestration.Tests.Support;

/// <summary>
/// The real SyncOrder and SyncBatch orchestrators (registered from <see cref="SyncTasks"/>, created per run by DI as the
/// hosts do) on the in-process Durable Task engine, every activity a stub answering from the run's <see cref="RunStubs"/>.
/// One engine serves every test (<see cref="StubbedDurableCollection"/>); runs are told apart by instance id.
/// </summary>
public sealed class StubbedDurableHost : IAsyncLifetime
{
    private static readonly TimeSpan RunBound = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<string, RunStubs> runs = new();
    private DurableTaskTestHost? host;

    public DurableTaskClient Client => host?.Client ?? throw new InvalidOperationException("not started");

    /// <summary>The settings the engine's services hold, as a host's configuration would; a test may change them while a run is under way.</summary>
    public SyncSettings LiveSettings { get; } = new();

    public async Task InitializeAsync()
    {
        host = await DurableTaskTestHost.StartAsync(registry =>
        {
            foreach (var orchestration in SyncTasks.Orchestrations)
            {
                registry.AddOrchestrator(orchestration.Name, orchestration.Implementation);
            }

            Stub(registry, SyncTasks.PrepareOrder, s => s.PrepareOrder);
            Stub(registry, SyncTasks.CheckStock, s => s.CheckStock);
            Stub(registry, SyncTasks.WriteErp, s => s.WriteErp);
            Stub(registry, SyncTasks.ReverseErp, s => s.ReverseErp);
            Stub(registry, SyncTasks.WriteBack, s => s.WriteBack);
            Stub(registry, SyncTasks.SendAlert, s => s.SendAlert);
            Stub(registry, SyncTasks.PrepareBatch, s => s.PrepareBatch);
            Stub(registry, SyncTasks.WriteErpBatch, s => s.WriteErpBatch);
            Stub(registry, SyncTasks.WriteBackBatch, s => s.WriteBackBatch);
        }, new DurableTaskTestHostOptions
        {
            // The host's own pick is random in 30000-40000 and may meet a port in use; the OS's pick is free.
            Port = FreePort.Next(),
            ConfigureServices = services => services.AddSingleton(LiveSettings),
        });
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    /// <summary>Runs <paramref name="orchestration"/> to its end under <paramref name="instanceId"/> with the stubs given.</summary>
    public async Task<(TOutput Output, OrchestrationMetadata Run)> RunAsync<TOrchestrator, TInput, TOutput>(
        DurableOrchestration<TOrchestrator, TInput, TOutput> orchestration, string instanceId, TInput input, RunStubs stubs)
        where TOrchestrator : TaskOrchestrator<TInput, TOutput>
    {
        Assert.True(runs.TryAdd(instanceId, stubs), $"instance {instanceId} is used twice");
        await Client.ScheduleNewOrchestrationInstanceAsync(orchestration.Name, input, new StartOrchestrationOptions(instanceId));
        using var bound = new CancellationTokenSource(RunBound);
        var run = await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, bound.Token);
        Assert.True(run.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{instanceId} ended {run.RuntimeStatus}: {run.FailureDetails?.ErrorMessage}");
        return (run.ReadOutputAs<TOutput>()!, run);
    }

    private void Stub<TActivity, TInput, TOutput>(DurableTaskRegistry registry, DurableActivity<TActivity, TInput, TOutput> activity, Func<RunStubs, Func<TInput, TOutput>> answer)
        where TActivity : TaskActivity<TInput, TOutput>
    {
        registry.AddActivityFunc<TInput, TOutput>(activity.Name, (context, input) =>
        {
            var stubs = runs[context.InstanceId];
            return stubs.Answer(activity.Name, input, answer(stubs));
        });
    }
}

/// <summary>The tests that share the one engine (they run one class after another).</summary>
[CollectionDefinition(Name)]
public sealed class StubbedDurableCollection : ICollectionFixture<StubbedDurableHost>
{
    public const string Name = "stubbed durable engine";
}
