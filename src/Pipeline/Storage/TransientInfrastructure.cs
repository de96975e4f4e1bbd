using System.Net.Sockets;
using Azure;
using ServerlessSync.Pipeline.Ports;

namespace ServerlessSync.Pipeline.Storage;

/// <summary>
/// Failures of storage or the orchestration engine that say "not now" rather than "never": no answer, a timeout,
/// throttling (429) or a server-side fault (5xx). A message that failed this way is worth trying again later, however
/// often; anything else is a fault of the message or the code, and counts towards the poison limit.
/// </summary>
public static class TransientInfrastructure
{
    private static readonly int[] TransientStatuses = [0, 408, 429, 500, 502, 503, 504];

    public static bool IsTransient(Exception exception) => exception switch
    {
        AggregateException aggregate => aggregate.Flatten().InnerExceptions is { Count: > 0 } inner && inner.All(IsTransient),
        RequestFailedException failed => TransientStatuses.Contains(failed.Status),
        OrchestrationEngineUnavailableException or HttpRequestException or TimeoutException or SocketException or IOException => true,

        // A client-side timeout surfaces as a cancellation nobody asked for; the caller filters out its own cancellation first.
        OperationCanceledException => true,

        // Adapters (e.g. the Durable Task storage layer) wrap the storage client's exception; its cause decides.
        _ => exception.InnerException is { } cause && IsTransient(cause),
    };
}
