using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Testing;
using ServerlessSync.Functions.Sync;
using ServerlessSync.Pipeline.Sync;
using ServerlessSync.Pipeline.Sync.Batch;

namespace ServerlessSync.Functions.Tests.Support;

/// <summary>
/// Runs the Functions app's own orchestrator and activity functions on a real Durable Task engine in process, standing in
/// for the Durable extension: every method of the app with <c>[OrchestrationTrigger]</c> or <c>[ActivityTrigger]</c> is
/// registered under its <c>[Function]</c> name, the function class created per invocation as the worker does, and each
/// activity function handed a <see cref="FunctionContext"/> carrying the calling instance's id.
/// </summary>
public static class FunctionsDurableHost
{
    public static Task<DurableTaskTestHost> StartAsync(FunctionsTestApp app) =>
        DurableTaskTestHost.StartAsync(registry =>
        {
            foreach (var method in typeof(FunctionsServices).Assembly.GetTypes().SelectMany(t => t.GetMethods()))
            {
                var name = method.GetCustomAttribute<FunctionAttribute>()?.Name;
                var parameters = method.GetParameters();
                if (name is null)
                {
                    continue;
                }

                if (parameters.Any(p => p.GetCustomAttribute<OrchestrationTriggerAttribute>() is not null))
                {
                    Assert.Contains(method.DeclaringType, new[] { typeof(SyncOrderFunction), typeof(SyncBatchFunction) });
                    registry.AddOrchestrator(name, method.DeclaringType == typeof(SyncBatchFunction) ? new BatchOrchestratorFunction(app) : new OrchestratorFunction(app));
                }
                else if (parameters.SingleOrDefault(p => p.GetCustomAttribute<ActivityTriggerAttribute>() is not null) is { } input)
                {
                    registry.AddActivity(name, new ActivityFunction(app, name, method, input.ParameterType));
                }
            }
        });

    private sealed class OrchestratorFunction(FunctionsTestApp app) : TaskOrchestrator<SyncOrderInput, SyncOrderResult>
    {
        public override Task<SyncOrderResult> RunAsync(TaskOrchestrationContext context, SyncOrderInput input) =>
            app.Create<SyncOrderFunction>().RunAsync(context);
    }

    private sealed class BatchOrchestratorFunction(FunctionsTestApp app) : TaskOrchestrator<SyncBatchInput, SyncBatchResult>
    {
        public override Task<SyncBatchResult> RunAsync(TaskOrchestrationContext context, SyncBatchInput input) =>
            app.Create<SyncBatchFunction>().RunAsync(context);
    }

    private sealed class ActivityFunction(FunctionsTestApp app, string name, MethodInfo method, Type inputType) : ITaskActivity
    {
        public Type InputType => inputType;

        public Type OutputType => method.ReturnType.GetGenericArguments()[0];

        public async Task<object?> RunAsync(TaskActivityContext context, object? input)
        {
            using var functionContext = new TestFunctionContext(app.Services, name, context.InstanceId);
            var target = method.IsStatic ? null : app.Create(method.DeclaringType!);
            var task = (Task)method.Invoke(target, [input, functionContext])!;
            await task;
            return task.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(task);
        }
    }
}
