using Microsoft.DurableTask;

namespace ServerlessSync.Pipeline.Sync;

/// <summary>
/// A durable task as every host sees it: its name in the task hub, the class that runs it and the types it takes and
/// gives. Both hosts register the tasks of <see cref="SyncTasks"/> from this; the Functions app's trigger functions run
/// them through it.
/// </summary>
public interface IDurableTask
{
    string Name { get; }

    Type Implementation { get; }

    Type InputType { get; }

    Type OutputType { get; }
}

/// <summary>What an activity's and an orchestration's definitions share: the name and the three types.</summary>
public abstract class DefinedTask<TImplementation, TInput, TOutput>(string name) : IDurableTask
{
    public string Name { get; } = name;

    public Type Implementation => typeof(TImplementation);

    public Type InputType => typeof(TInput);

    public Type OutputType => typeof(TOutput);
}

/// <summary>An activity: <typeparamref name="TActivity"/> run under its name; orchestrators call it with <see cref="DurableTaskCalls.CallAsync{TActivity, TInput, TOutput}"/>.</summary>
public sealed class DurableActivity<TActivity, TInput, TOutput> : DefinedTask<TActivity, TInput, TOutput>
    where TActivity : TaskActivity<TInput, TOutput>
{
    internal DurableActivity(string name)
        : base(name)
    {
    }
}

/// <summary>An orchestration: <typeparamref name="TOrchestrator"/> run under its name.</summary>
public sealed class DurableOrchestration<TOrchestrator, TInput, TOutput> : DefinedTask<TOrchestrator, TInput, TOutput>
    where TOrchestrator : TaskOrchestrator<TInput, TOutput>
{
    internal DurableOrchestration(string name)
        : base(name)
    {
    }
}

/// <summary>Typed calls: an orchestrator names the activity by its definition, never by a string, and the compiler checks input and output.</summary>
public static class DurableTaskCalls
{
    public static Task<TOutput> CallAsync<TActivity, TInput, TOutput>(
        this TaskOrchestrationContext context, DurableActivity<TActivity, TInput, TOutput> activity, TInput input, TaskOptions? options = null)
        where TActivity : TaskActivity<TInput, TOutput> =>
        context.CallActivityAsync<TOutput>(activity.Name, input, options);
}
