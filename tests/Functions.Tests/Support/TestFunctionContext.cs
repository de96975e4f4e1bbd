using System.Collections.Immutable;

namespace ServerlessSync.Functions.Tests.Support;

/// <summary>
/// The parts of a worker <see cref="FunctionContext"/> the activity functions use: the invocation's services (a DI scope,
/// as the worker gives) and the binding data the Durable extension sends with an activity (its <c>instanceId</c>) or a queue
/// trigger sends with a message (its <c>DequeueCount</c>).
/// </summary>
public sealed class TestFunctionContext : FunctionContext, IDisposable
{
    private readonly IServiceScope scope;

    public TestFunctionContext(IServiceProvider services, string functionName, string instanceId)
        : this(services, functionName, new Dictionary<string, object?> { ["instanceId"] = instanceId })
    {
    }

    public TestFunctionContext(IServiceProvider services, string functionName, IReadOnlyDictionary<string, object?> bindingData)
    {
        scope = services.CreateScope();
        InstanceServices = scope.ServiceProvider;
        FunctionId = functionName;
        BindingContext = new TestBindingContext(bindingData);
    }

    /// <summary>A queue trigger's invocation: the host passes the message's dequeue count as text in the binding data.</summary>
    public static TestFunctionContext QueueTrigger(IServiceProvider services, string functionName, long dequeueCount) =>
        new(services, functionName, new Dictionary<string, object?> { ["DequeueCount"] = dequeueCount.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    public override string FunctionId { get; }

    public override TraceContext TraceContext => throw new NotSupportedException();

    public override BindingContext BindingContext { get; }

    public override RetryContext RetryContext => throw new NotSupportedException();

    public override IServiceProvider InstanceServices { get; set; }

    public override FunctionDefinition FunctionDefinition => throw new NotSupportedException();

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features => throw new NotSupportedException();

    public void Dispose() => scope.Dispose();

    private sealed class TestBindingContext(IReadOnlyDictionary<string, object?> data) : BindingContext
    {
        public override IReadOnlyDictionary<string, object?> BindingData { get; } = data.ToImmutableDictionary();
    }
}
