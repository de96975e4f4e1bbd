using System.Globalization;
using Microsoft.DurableTask.Client;
using ServerlessSync.Pipeline.Storage;
using ServerlessSync.Pipeline.Sync.Start;

namespace ServerlessSync.Functions.Intake;

/// <summary>
/// Queue trigger on the intake queue (<c>Storage:IntakeQueueName</c>, <c>orders-intake</c> in Azure): records a batch's events in the Inbox and starts SyncOrder under each order's
/// deterministic instance id, or puts an event back with a delay while that instance runs. <see cref="IntakeDeliveryPolicy"/>
/// decides what a failure means: storage or the engine unavailable puts the message back with a growing delay; any other
/// failure is thrown so the trigger retries it, and the last try (Intake:MaxDequeueCount, the same as host.json's
/// <c>maxDequeueCount</c>) moves it to <c>{queue}-poison</c> with an alert.
/// The trigger resolves the same setting the webhook's <see cref="IntakeQueue"/> writes through, so the two cannot diverge.
/// </summary>
public sealed class StartSyncOrderFunction(IntakeMessageHandlerFactory handlers, IntakeDeliveryPolicy policy)
{
    public const string Name = "StartSyncOrder";
    /// <summary>A binding expression: the host reads the queue name from the setting StorageOptions binds.</summary>
    public const string QueueName = "%" + StorageOptions.IntakeQueueNameSetting + "%";

    /// <summary>The app setting (or setting prefix, for managed identity) of the storage account holding the queue.</summary>
    public const string Connection = "AzureWebJobsStorage";

    [Function(Name)]
    public async Task<IntakeHandled?> RunAsync(
        [QueueTrigger(QueueName, Connection = Connection)] string message,
        [DurableClient] DurableTaskClient client,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        var result = await policy.DeliverAsync(message, DequeueCount(context), handlers.Create(client).HandleAsync, cancellationToken);
        return result.Handled;
    }

    /// <summary>The queue trigger's <c>DequeueCount</c> metadata: how many times this message has been handed out, this time included.</summary>
    public static long DequeueCount(FunctionContext context) =>
        context.BindingContext.BindingData.TryGetValue("DequeueCount", out var value) && value is not null &&
        long.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count)
            ? count
            : throw new InvalidOperationException("The queue trigger did not pass DequeueCount.");
}
