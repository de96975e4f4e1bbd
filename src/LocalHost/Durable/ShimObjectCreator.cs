using DurableTask.Core;

namespace ServerlessSync.LocalHost.Durable;

/// <summary>Creates a DTFx task object by name (version ""), a new one per work item as DTFx expects.</summary>
internal sealed class ShimObjectCreator<T> : ObjectCreator<T>
{
    private readonly Func<T> create;

    public ShimObjectCreator(string name, Func<T> create)
    {
        Name = name;
        Version = string.Empty;
        this.create = create;
    }

    public override T Create() => create();
}
