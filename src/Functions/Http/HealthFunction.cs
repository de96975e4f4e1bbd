namespace ServerlessSync.Functions.Http;

/// <summary><c>GET /api/health</c>: storage reachable and the intake queue's depth (anonymous, for probes).</summary>
public sealed class HealthFunction(HealthApi health)
{
    public const string Name = "Health";
    public const string Route = "health";

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request,
        CancellationToken cancellationToken) =>
        (await health.GetAsync(cancellationToken)).ToActionResult();
}
