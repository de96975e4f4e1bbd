using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServerlessSync.Pipeline.Events;
using ServerlessSync.Pipeline.Intake;
using ServerlessSync.Pipeline.Telemetry;

namespace ServerlessSync.Functions.Intake;

/// <summary>Builds the shared intake consumer around the Durable client bound to one invocation.</summary>
public sealed class IntakeMessageHandlerFactory(
    IntakeQueue queue,
    InboxStore inbox,
    StartPacer pacer,
    IOptions<IntakeOptions> options,
    ILoggerFactory loggers,
    TimeProvider clock,
    PipelineMetrics metrics,
    OrderReceivedEvents receivedEvents)
{
    public IntakeMessageHandler Create(DurableTaskClient client) =>
        new(
            new OrderEventStarter(new DurableClientGateway(client), queue, options, loggers.CreateLogger<OrderEventStarter>(), clock, metrics),
            inbox,
            options,
            loggers.CreateLogger<IntakeMessageHandler>(),
            pacer,
            metrics,
            receivedEvents);
}
