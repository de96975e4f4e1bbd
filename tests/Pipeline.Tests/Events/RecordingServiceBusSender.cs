namespace ServerlessSync.Pipeline.Tests.Events;

/// <summary>
/// The one test double here: a <see cref="ServiceBusSender"/> (its members are virtual for this purpose) that keeps
/// the messages instead of sending them to a broker, which cannot run in this environment.
/// </summary>
internal sealed class RecordingServiceBusSender(string topic = "order-events") : ServiceBusSender
{
    public ConcurrentQueue<ServiceBusMessage> Sent { get; } = new();

    /// <summary>When set, the next send fails with this instead of being recorded.</summary>
    public Exception? FailNextWith { get; set; }

    public override string EntityPath => topic;

    public override Task SendMessageAsync(ServiceBusMessage message, CancellationToken cancellationToken = default)
    {
        if (FailNextWith is { } failure)
        {
            FailNextWith = null;
            throw failure;
        }

        Sent.Enqueue(message);
        return Task.CompletedTask;
    }
}
