using Microsoft.DurableTask;
using ServerlessSync.Domain.Orders;
using ServerlessSync.Pipeline.Ports;

namespace ServerlessSync.Pipeline.Sync.Activities;

/// <summary>Reads the order's current state from its platform's order-detail API.</summary>
public sealed class FetchOrderActivity(IEnumerable<IPlatformOrderClient> clients) : TaskActivity<OrderKey, Order>
{
    public override Task<Order> RunAsync(TaskActivityContext context, OrderKey input)
    {
        var client = clients.FirstOrDefault(c => c.Platform == input.Platform)
            ?? throw new PlatformRequestException($"No order client is configured for platform '{input.Platform}'.");
        return client.GetOrderAsync(input, CancellationToken.None);
    }
}
