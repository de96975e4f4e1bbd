using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using ServerlessSync.Pipeline.Events;
using ServerlessSync.Pipeline.Sync.Start;
using ServerlessSync.Pipeline.Sync;
using ServerlessSync.Pipeline.Telemetry;

namespace ServerlessSync.Functions.Intake;

/// <summary>Builds the shared intake consumer around the Durable client bound to one invocation.</summary>
public sealed class IntakeMessageHandlerFactory(
    IntakeQueue queue,
    InboxStore inbox,
    StartPacer pacer,
    IOptions<IntakeOptions> options,
    SyncRetryPlan retries,
    ILoggerFactory loggers,
    TimeProvider clock,
    PipelineMetrics metrics,
    OrderReceivedEvents receivedEvents,
    BatchRunAssembler assembler)
{
    public IntakeMessageHandler Create(DurableTaskClient client)
    {
        var gateway = new DurableClientGateway(client);
        return new(
            new OrderEventStarter(gateway, queue, options, retries, loggers.CreateLogger<OrderEventStarter>(), clock, metrics),
            new SyncBatchStarter(gateway, gateway, retries, loggers.CreateLogger<SyncBatchStarter>(), clock, metrics),
            inbox,
            options,
            loggers.CreateLogger<IntakeMessageHandler>(),
            pacer,
            metrics,
            receivedEvents,
            assembler);
    }
}
