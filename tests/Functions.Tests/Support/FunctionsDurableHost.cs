using Microsoft.DurableTask;
using Microsoft.DurableTask.Testing;

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
                    registry.AddOrchestrator(name, new OrchestratorFunction(app, method, SyncTasks.Orchestrations.Single(t => t.Name == name).InputType));
                }
                else if (parameters.SingleOrDefault(p => p.GetCustomAttribute<ActivityTriggerAttribute>() is not null) is { } input)
                {
                    registry.AddActivity(name, new ActivityFunction(app, name, method, input.ParameterType));
                }
            }
        });

    /// <summary>The function reads its input from the context, which deserializes it as the orchestrator's input type.</summary>
    private sealed class OrchestratorFunction(FunctionsTestApp app, MethodInfo method, Type inputType) : ITaskOrchestrator
    {
        public Type InputType => inputType;

        public Type OutputType => method.ReturnType.GetGenericArguments()[0];

        public async Task<object?> RunAsync(TaskOrchestrationContext context, object? input)
        {
            var task = (Task)method.Invoke(app.Create(method.DeclaringType!), [context])!;
            return await ResultOf(task);
        }
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
            return await ResultOf(task);
        }
    }

    private static async Task<object?> ResultOf(Task task)
    {
        await task;
        return task.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(task);
    }
}
