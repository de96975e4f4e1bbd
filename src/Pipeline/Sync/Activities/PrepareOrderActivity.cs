using Microsoft.DurableTask;
using ServerlessSync.Domain.Orders;
using ServerlessSync.Pipeline.Ports;

namespace ServerlessSync.Pipeline.Sync.Activities;

/// <summary>
/// Reads the order's current state from its platform's order-detail API and plans what is missing. One activity
/// rather than two: every activity costs the task hub queue messages and history rows, and planning needs nothing
/// but the fetched order, so splitting them bought no retry or visibility worth that cost.
/// </summary>
public sealed class PrepareOrderActivity(IEnumerable<IPlatformOrderClient> clients, SyncPlanner planner) : TaskActivity<OrderKey, PreparedOrder>
{
    public override async Task<PreparedOrder> RunAsync(TaskActivityContext context, OrderKey input)
    {
        var client = clients.FirstOrDefault(c => c.Platform == input.Platform)
            ?? throw new PlatformRequestException($"No order client is configured for platform '{input.Platform}'.");
        var order = await client.GetOrderAsync(input, CancellationToken.None);
        return await planner.PlanAsync(order, CancellationToken.None);
    }
}
