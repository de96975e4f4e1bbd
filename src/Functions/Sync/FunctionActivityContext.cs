using Microsoft.DurableTask;

namespace ServerlessSync.Functions.Sync;

/// <summary>The <see cref="TaskActivityContext"/> a shared activity class sees when Durable Functions invokes it.</summary>
public sealed class FunctionActivityContext(TaskName name, string instanceId) : TaskActivityContext
{
    /// <summary>The binding data key under which the Durable extension passes the calling orchestration's instance id.</summary>
    public const string InstanceIdKey = "instanceId";

    public override TaskName Name { get; } = name;

    public override string InstanceId { get; } = instanceId;

    public static FunctionActivityContext For(string name, FunctionContext context) =>
        new(name, context.BindingContext.BindingData.TryGetValue(InstanceIdKey, out var id) && id is not null ? id.ToString() ?? "" : "");
}
