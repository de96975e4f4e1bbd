using ServerlessSync.Pipeline.StockPush;

namespace ServerlessSync.Functions.Http;

/// <summary><c>GET /api/stock-push[?platform=&amp;shopId=]</c>: the figure last pushed to the platform per SKU (role: FunctionRoles).</summary>
public sealed class StockPushFunction(StockPushApi stockPush)
{
    public const string Name = "StockPush";
    public const string Route = "stock-push";

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request,
        CancellationToken cancellationToken) =>
        (await stockPush.GetAsync(request.Query["platform"].FirstOrDefault(), request.Query["shopId"].FirstOrDefault(), cancellationToken)).ToActionResult();
}
