namespace ServerlessSync.Functions.Http;

/// <summary><c>GET /api/orders/{platform}/{shopId}/{orderId}</c>: ledger state and history of one order (role: FunctionRoles).</summary>
public sealed class GetOrderFunction(OrderStatusApi orders)
{
    public const string Name = "GetOrder";
    public const string Route = "orders/{platform}/{shopId}/{orderId}";

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request,
        string platform,
        string shopId,
        string orderId,
        CancellationToken cancellationToken) =>
        (await orders.GetAsync(platform, shopId, orderId, cancellationToken)).ToActionResult();
}
