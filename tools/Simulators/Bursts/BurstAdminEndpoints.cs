using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ServerlessSync.Simulators.Bursts;

/// <summary><c>POST _sim/burst</c> starts a burst in the background; <c>GET _sim/burst/{id}</c> reports its progress.</summary>
public static class BurstAdminEndpoints
{
    /// <summary>A platform without shops ignores <see cref="ShopId"/>.</summary>
    public sealed record BurstRequest(
        int? Orders, double? RatePerSecond, double? DuplicateRate, double? OutOfOrderRate, double? DropRate,
        string? WebhookUrl, string? ShopId, int? Seed, int? MaxConcurrency, double? TimeoutSeconds);

    /// <param name="sim">The platform's <c>/_sim</c> group.</param>
    /// <param name="registry">Finds the platform's registry among the request's services.</param>
    /// <param name="newPlan">A default plan carrying the request's platform fields; the common fields are then taken from the request.</param>
    public static RouteGroupBuilder MapBursts<TPlan, TResult, TProgress>(
        this RouteGroupBuilder sim,
        Func<IServiceProvider, BurstRegistry<TPlan, TResult, TProgress>> registry,
        Func<BurstRequest, TPlan> newPlan)
        where TPlan : BurstPlan
        where TResult : BurstResult
        where TProgress : BurstProgress<TResult>, new()
    {
        sim.MapPost("/burst", (HttpRequest request) => StartAsync(request, registry(request.HttpContext.RequestServices), newPlan));
        sim.MapGet("/burst/{id}", (string id, HttpContext context) =>
            registry(context.RequestServices).Find(id) is { } progress ? Results.Json(Describe(id, progress), AdminJson.Options) : Results.NotFound());
        return sim;
    }

    private static async Task<IResult> StartAsync<TPlan, TResult, TProgress>(
        HttpRequest request, BurstRegistry<TPlan, TResult, TProgress> bursts, Func<BurstRequest, TPlan> newPlan)
        where TPlan : BurstPlan
        where TResult : BurstResult
        where TProgress : BurstProgress<TResult>, new()
    {
        var body = await AdminJson.ReadAsync<BurstRequest>(request);
        if (body is null)
        {
            return Results.BadRequest(new { error = "body must be a JSON object" });
        }

        var defaults = newPlan(body);

        // A with-expression clones the platform's plan type, so the cast back to it holds.
        var plan = (TPlan)((BurstPlan)defaults with
        {
            Orders = body.Orders ?? defaults.Orders,
            RatePerSecond = body.RatePerSecond ?? defaults.RatePerSecond,
            DuplicateRate = body.DuplicateRate ?? 0,
            OutOfOrderRate = body.OutOfOrderRate ?? 0,
            DropRate = body.DropRate ?? 0,
            WebhookUrl = body.WebhookUrl ?? "",
            Seed = body.Seed,
            MaxConcurrency = body.MaxConcurrency ?? defaults.MaxConcurrency,
            Timeout = body.TimeoutSeconds is { } s ? TimeSpan.FromSeconds(s) : null,
        });
        try
        {
            var id = bursts.Start(plan);
            return id is null
                ? Results.Json(new { error = $"at most {BurstRegistry<TPlan, TResult, TProgress>.MaxRunning} bursts may run at once" }, AdminJson.Options, statusCode: StatusCodes.Status429TooManyRequests)
                : Results.Json(new { burstId = id }, AdminJson.Options, statusCode: StatusCodes.Status202Accepted);
        }
        catch (ArgumentException ex)
        {
            return Results.BadRequest(new { error = ex.Message });
        }
    }

    private static object Describe<TResult>(string id, BurstProgress<TResult> p)
        where TResult : BurstResult
    {
        var result = p.Result;
        return new
        {
            burstId = id,
            done = p.Done,
            created = p.Created,
            sent = p.Sent,
            acked = p.Acked,
            failed = p.Failed,
            dropped = p.Dropped,
            duplicates = result?.Duplicates,
            outOfOrder = result?.OutOfOrderIds.Count,
            timedOut = result?.TimedOut,
            error = p.Error,
            latencyP50Ms = result?.LatencyPercentileMs(50),
            latencyP95Ms = result?.LatencyPercentileMs(95),
            latencyP99Ms = result?.LatencyPercentileMs(99),
            latencyMaxMs = result?.LatencyPercentileMs(100),
            orderIds = p.OrderIds,
        };
    }
}
