using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using ServerlessSync.Pipeline.Intake;
using ServerlessSync.Pipeline.Storage;

namespace ServerlessSync.Functions.Intake;

/// <summary>
/// Queue trigger on the intake queue (<c>Storage:IntakeQueueName</c>, <c>orders-intake</c> in Azure): records a batch's events in the Inbox and starts SyncOrder under each order's
/// deterministic instance id, or puts an event back with a delay while that instance runs. Exceptions are not caught: the
/// trigger retries the message and after <c>maxDequeueCount</c> (host.json) moves it to <c>{queue}-poison</c>.
/// The trigger resolves the same setting the webhook's <see cref="IntakeQueue"/> writes through, so the two cannot diverge.
/// </summary>
public sealed class StartSyncOrderFunction(IntakeMessageHandlerFactory handlers)
{
    public const string Name = "StartSyncOrder";
    /// <summary>A binding expression: the host reads the queue name from the setting StorageOptions binds.</summary>
    public const string QueueName = "%" + StorageOptions.IntakeQueueNameSetting + "%";

    /// <summary>The app setting (or setting prefix, for managed identity) of the storage account holding the queue.</summary>
    public const string Connection = "AzureWebJobsStorage";

    [Function(Name)]
    public Task<IntakeHandled> RunAsync(
        [QueueTrigger(QueueName, Connection = Connection)] string message,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        handlers.Create(client).HandleAsync(message, cancellationToken);
}
