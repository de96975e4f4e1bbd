using ServerlessSync.Pipeline.Ports;

namespace ServerlessSync.Pipeline.Sync;

/// <summary>Reads an order's current state from its platform's order-detail API and plans what is missing: the per-order and the batch run's first step.</summary>
public sealed class OrderPreparer(IEnumerable<IPlatformOrderClient> clients, SyncPlanner planner)
{
    public async Task<PreparedOrder> PrepareAsync(OrderKey key, CancellationToken cancellationToken)
    {
        var client = clients.FirstOrDefault(c => c.Platform == key.Platform)
            ?? throw new PlatformRequestException($"No order client is configured for platform '{key.Platform}'.");
        var order = await client.GetOrderAsync(key, cancellationToken);
        return await planner.PlanAsync(order, cancellationToken);
    }
}
