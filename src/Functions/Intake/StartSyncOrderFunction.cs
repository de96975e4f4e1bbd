using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using ServerlessSync.Pipeline.Intake;
using ServerlessSync.Pipeline.Storage;

namespace ServerlessSync.Functions.Intake;

/// <summary>
/// Queue trigger on <c>orders-intake</c>: starts SyncOrder under the order's deterministic instance id, or puts the
/// event back with a delay while that instance runs. Exceptions are not caught: the trigger retries the message and
/// after <c>maxDequeueCount</c> (host.json) moves it to <c>orders-intake-poison</c>.
/// </summary>
public sealed class StartSyncOrderFunction(OrderEventStarterFactory starters)
{
    public const string Name = "StartSyncOrder";
    public const string QueueName = IntakeQueueNames.Intake;

    /// <summary>The app setting (or setting prefix, for managed identity) of the storage account holding the queue.</summary>
    public const string Connection = "AzureWebJobsStorage";

    [Function(Name)]
    public Task<StartOutcome> RunAsync(
        [QueueTrigger(QueueName, Connection = Connection)] string message,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        starters.Create(client).StartAsync(message, cancellationToken);
}
