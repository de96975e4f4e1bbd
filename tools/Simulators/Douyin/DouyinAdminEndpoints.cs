using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ServerlessSync.Simulators.Douyin;

/// <summary>
/// Test and demo controls under <c>/douyin/_sim</c>: start and watch bursts, list and create orders, change an order's
/// status (optionally pushing the matching message), and send single genuine or forged pushes.
/// </summary>
public static class DouyinAdminEndpoints
{
    public sealed record BurstRequest(
        int? Orders, double? RatePerSecond, double? DuplicateRate, double? OutOfOrderRate, double? DropRate,
        string? WebhookUrl, string? ShopId, int? Seed, int? MaxConcurrency, double? TimeoutSeconds);

    public sealed record CreateOrdersRequest(int? Count, string? ShopId);

    public sealed record StatusRequest(int OrderStatus, int? MainStatus, string? WebhookUrl);

    public sealed record PushRequest(string OrderId, string? Tag, string WebhookUrl, bool Forged);

    /// <summary>Bound on orders created by one <c>POST /_sim/orders</c>.</summary>
    public const int MaxCreate = 10_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static RouteGroupBuilder MapDouyinAdmin(this RouteGroupBuilder group)
    {
        var sim = group.MapGroup("/_sim");
        sim.MapPost("/burst", StartBurstAsync);
        sim.MapGet("/burst/{id}", (string id, DouyinBurstRegistry bursts) =>
            bursts.Find(id) is { } progress ? Results.Json(Describe(id, progress), Json) : Results.NotFound());
        sim.MapGet("/orders", (string? shopId, DouyinOrderStore store) =>
            Results.Json(new { orders = store.List(shopId).Select(Summary) }, Json));
        sim.MapGet("/orders/{id}", (string id, DouyinOrderStore store) =>
            store.Find(id) is { } order ? Results.Text(DouyinOrderDetailJson.ShopOrderDetail(order).ToJsonString(), "application/json") : Results.NotFound());
        sim.MapPost("/orders", CreateOrdersAsync);
        sim.MapPost("/orders/{id}/status", SetStatusAsync);
        sim.MapPost("/push", PushAsync);
        return group;
    }

    private static async Task<IResult> StartBurstAsync(HttpRequest request, DouyinBurstRegistry bursts)
    {
        var body = await ReadAsync<BurstRequest>(request);
        if (body is null)
        {
            return Results.BadRequest(new { error = "body must be a JSON object" });
        }

        var defaults = new DouyinBurstPlan();
        var plan = new DouyinBurstPlan
        {
            Orders = body.Orders ?? defaults.Orders,
            RatePerSecond = body.RatePerSecond ?? defaults.RatePerSecond,
            DuplicateRate = body.DuplicateRate ?? 0,
            OutOfOrderRate = body.OutOfOrderRate ?? 0,
            DropRate = body.DropRate ?? 0,
            WebhookUrl = body.WebhookUrl ?? "",
            ShopId = body.ShopId,
            Seed = body.Seed,
            MaxConcurrency = body.MaxConcurrency ?? defaults.MaxConcurrency,
            Timeout = body.TimeoutSeconds is { } s ? TimeSpan.FromSeconds(s) : null,
        };
        try
        {
            var id = bursts.Start(plan);
            return id is null
                ? Results.Json(new { error = $"at most {DouyinBurstRegistry.MaxRunning} bursts may run at once" }, Json, statusCode: StatusCodes.Status429TooManyRequests)
                : Results.Json(new { burstId = id }, Json, statusCode: StatusCodes.Status202Accepted);
        }
        catch (ArgumentException ex)
        {
            return Results.BadRequest(new { error = ex.Message });
        }
    }

    private static async Task<IResult> CreateOrdersAsync(HttpRequest request, DouyinOrderStore store)
    {
        var body = await ReadAsync<CreateOrdersRequest>(request) ?? new CreateOrdersRequest(null, null);
        var count = body.Count ?? 1;
        if (count is < 1 or > MaxCreate || body.ShopId is { } shop && !shop.All(char.IsAsciiDigit))
        {
            return Results.BadRequest(new { error = $"count must be 1..{MaxCreate} and shopId numeric" });
        }

        var orders = store.CreateOrders(count, body.ShopId);
        return Results.Json(new { orderIds = orders.Select(o => o.OrderId) }, Json);
    }

    private static async Task<IResult> SetStatusAsync(
        string id, HttpRequest request, DouyinOrderStore store, DouyinSimulatorOptions options, DouyinPushSender sender)
    {
        var body = await ReadAsync<StatusRequest>(request);
        if (body is null)
        {
            return Results.BadRequest(new { error = "body must be {\"orderStatus\": n, \"mainStatus\"?: n, \"webhookUrl\"?: url}" });
        }

        if (store.SetStatus(id, body.OrderStatus, body.MainStatus) is not { } order)
        {
            return Results.NotFound();
        }

        DouyinPushDelivery? delivery = null;
        if (body.WebhookUrl is not null && DouyinPushBuilder.TagForStatus(order.OrderStatus, order.MainStatus) is { } tag)
        {
            if (!Uri.TryCreate(body.WebhookUrl, UriKind.Absolute, out var webhook))
            {
                return Results.BadRequest(new { error = "webhookUrl must be absolute" });
            }

            var push = DouyinPushBuilder.Build(options.AppKey, options.AppSecret, order, tag, store.Ids.Next());
            delivery = await sender.SendAsync(webhook, push, request.HttpContext.RequestAborted);
        }

        return Results.Json(new { order = Summary(order), push = delivery }, Json);
    }

    private static async Task<IResult> PushAsync(HttpRequest request, DouyinOrderStore store, DouyinSimulatorOptions options, DouyinPushSender sender)
    {
        var body = await ReadAsync<PushRequest>(request);
        if (body is null || string.IsNullOrEmpty(body.OrderId) || !Uri.TryCreate(body.WebhookUrl, UriKind.Absolute, out var webhook))
        {
            return Results.BadRequest(new { error = "body must be {\"orderId\", \"tag\"?, \"webhookUrl\", \"forged\"?}" });
        }

        if (store.Find(body.OrderId) is not { } order)
        {
            return Results.NotFound();
        }

        var push = DouyinPushBuilder.Build(options.AppKey, options.AppSecret, order, body.Tag ?? "101", store.Ids.Next());
        if (body.Forged)
        {
            push = DouyinPushBuilder.Forge(push);
        }

        var delivery = await sender.SendAsync(webhook, push, request.HttpContext.RequestAborted);
        return Results.Json(new { msgId = push.MsgId, push = delivery }, Json);
    }

    private static object Summary(DouyinSimOrder o) => new
    {
        orderId = o.OrderId,
        shopId = o.ShopId,
        orderStatus = o.OrderStatus,
        mainStatus = o.MainStatus,
        status = DouyinSimStatus.Describe(o.MainStatus),
        payAmount = o.PayAmount,
        updateTime = o.UpdateTime,
    };

    private static object Describe(string id, DouyinBurstProgress p)
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

    private static async Task<T?> ReadAsync<T>(HttpRequest request)
        where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, Json, request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
