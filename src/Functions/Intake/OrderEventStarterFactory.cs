using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServerlessSync.Pipeline.Intake;

namespace ServerlessSync.Functions.Intake;

/// <summary>Builds the shared <see cref="OrderEventStarter"/> around the Durable client bound to one invocation.</summary>
public sealed class OrderEventStarterFactory(IntakeQueue queue, IOptions<IntakeOptions> options, ILogger<OrderEventStarter> logger)
{
    public OrderEventStarter Create(DurableTaskClient client) => new(new DurableClientGateway(client), queue, options, logger);
}
