using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using ServerlessSync.Pipeline.Sync;

namespace ServerlessSync.Functions.Sync;

/// <summary>How a trigger function runs a defined durable task: the task's class from the invocation's services, under the task's name.</summary>
public static class DurableTaskInvocation
{
    public static Task<TOutput> RunAsync<TOrchestrator, TInput, TOutput>(
        this DurableOrchestration<TOrchestrator, TInput, TOutput> orchestration, TaskOrchestrationContext context, IServiceProvider services)
        where TOrchestrator : TaskOrchestrator<TInput, TOutput> =>
        services.GetRequiredService<TOrchestrator>().RunAsync(context, context.GetInput<TInput>()
            ?? throw new InvalidOperationException($"{orchestration.Name} {context.InstanceId} was started without input."));

    public static Task<TOutput> RunAsync<TActivity, TInput, TOutput>(
        this DurableActivity<TActivity, TInput, TOutput> activity, TInput input, FunctionContext context, IServiceProvider services)
        where TActivity : TaskActivity<TInput, TOutput> =>
        services.GetRequiredService<TActivity>().RunAsync(FunctionActivityContext.For(activity.Name, context), input);
}
