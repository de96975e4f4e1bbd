using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ServerlessSync.Domain.Platforms.WeChat;

namespace ServerlessSync.Simulators.WeChat;

/// <summary>
/// Test and demo controls under <c>/wechat/_sim</c>, mirroring Douyin's: start and watch bursts, list and create orders,
/// change an order's status (optionally pushing the matching event), send single genuine or forged pushes, and make
/// the URL-verification call.
/// </summary>
public static class WeChatAdminEndpoints
{
    public sealed record BurstRequest(
        int? Orders, double? RatePerSecond, double? DuplicateRate, double? OutOfOrderRate, double? DropRate,
        string? WebhookUrl, int? Seed, int? MaxConcurrency, double? TimeoutSeconds);

    public sealed record CreateOrdersRequest(int? Count);

    public sealed record StatusRequest(int Status, string? WebhookUrl);

    public sealed record PushRequest(string OrderId, string? Event, string WebhookUrl, bool Forged);

    public sealed record VerifyRequest(string WebhookUrl, bool Forged);

    /// <summary>Bound on orders created by one <c>POST /_sim/orders</c>.</summary>
    public const int MaxCreate = 10_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static RouteGroupBuilder MapWeChatAdmin(this RouteGroupBuilder group)
    {
        var sim = group.MapGroup("/_sim");
        sim.MapPost("/burst", StartBurstAsync);
        sim.MapGet("/burst/{id}", (string id, WeChatBurstRegistry bursts) =>
            bursts.Find(id) is { } progress ? Results.Json(Describe(id, progress), Json) : Results.NotFound());
        sim.MapGet("/orders", (WeChatOrderStore store) => Results.Json(new { orders = store.List().Select(Summary) }, Json));
        sim.MapGet("/orders/{id}", (string id, WeChatOrderStore store, WeChatSimulatorOptions options) =>
            store.Find(id) is { } order ? WeChatSimAnswers.Send(WeChatOrderJson.Order(order, options.FreeGiftAsNumber)) : Results.NotFound());
        sim.MapPost("/orders", CreateOrdersAsync);
        sim.MapPost("/orders/{id}/status", SetStatusAsync);
        sim.MapPost("/push", PushAsync);
        sim.MapPost("/verify", VerifyAsync);
        return group;
    }

    private static async Task<IResult> StartBurstAsync(HttpRequest request, WeChatBurstRegistry bursts)
    {
        var body = await ReadAsync<BurstRequest>(request);
        if (body is null)
        {
            return Results.BadRequest(new { error = "body must be a JSON object" });
        }

        var defaults = new WeChatBurstPlan();
        var plan = new WeChatBurstPlan
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
        };
        try
        {
            var id = bursts.Start(plan);
            return id is null
                ? Results.Json(new { error = $"at most {WeChatBurstRegistry.MaxRunning} bursts may run at once" }, Json, statusCode: StatusCodes.Status429TooManyRequests)
                : Results.Json(new { burstId = id }, Json, statusCode: StatusCodes.Status202Accepted);
        }
        catch (ArgumentException ex)
        {
            return Results.BadRequest(new { error = ex.Message });
        }
    }

    private static async Task<IResult> CreateOrdersAsync(HttpRequest request, WeChatOrderStore store)
    {
        var body = await ReadAsync<CreateOrdersRequest>(request) ?? new CreateOrdersRequest(null);
        var count = body.Count ?? 1;
        if (count is < 1 or > MaxCreate)
        {
            return Results.BadRequest(new { error = $"count must be 1..{MaxCreate}" });
        }

        return Results.Json(new { orderIds = store.CreateOrders(count).Select(o => o.OrderId) }, Json);
    }

    private static async Task<IResult> SetStatusAsync(
        string id, HttpRequest request, WeChatOrderStore store, WeChatSimulatorOptions options, WeChatPushSender sender, TimeProvider time)
    {
        var body = await ReadAsync<StatusRequest>(request);
        if (body is null || !WeChatSimStatus.All.Contains(body.Status))
        {
            return Results.BadRequest(new { error = $"body must be {{\"status\": one of {string.Join('/', WeChatSimStatus.All)}, \"webhookUrl\"?: url}}" });
        }

        Uri? webhook = null;
        if (body.WebhookUrl is not null && !Uri.TryCreate(body.WebhookUrl, UriKind.Absolute, out webhook))
        {
            return Results.BadRequest(new { error = "webhookUrl must be absolute" });
        }

        if (store.SetStatus(id, body.Status) is not { } order)
        {
            return Results.NotFound();
        }

        WeChatPushDelivery? delivery = null;
        if (webhook is not null && WeChatPushBuilder.EventForStatus(order.Status) is { } eventName)
        {
            delivery = await sender.SendAsync(webhook, WeChatPushBuilder.Build(options, order, eventName, time.GetUtcNow()), request.HttpContext.RequestAborted);
        }

        return Results.Json(new { order = Summary(order), push = delivery }, Json);
    }

    private static async Task<IResult> PushAsync(HttpRequest request, WeChatOrderStore store, WeChatSimulatorOptions options, WeChatPushSender sender, TimeProvider time)
    {
        var body = await ReadAsync<PushRequest>(request);
        if (body is null || string.IsNullOrEmpty(body.OrderId) || !Uri.TryCreate(body.WebhookUrl, UriKind.Absolute, out var webhook))
        {
            return Results.BadRequest(new { error = "body must be {\"orderId\", \"event\"?, \"webhookUrl\", \"forged\"?}" });
        }

        if (store.Find(body.OrderId) is not { } order)
        {
            return Results.NotFound();
        }

        var eventName = body.Event ?? WeChatPushEvents.OrderPay;
        var push = body.Forged
            ? WeChatPushBuilder.Forge(options, order, eventName, time.GetUtcNow())
            : WeChatPushBuilder.Build(options, order, eventName, time.GetUtcNow());
        var delivery = await sender.SendAsync(webhook, push, request.HttpContext.RequestAborted);
        return Results.Json(new { msgKey = push.MsgKey, push = delivery }, Json);
    }

    private static async Task<IResult> VerifyAsync(HttpRequest request, WeChatHandshakeCaller caller)
    {
        var body = await ReadAsync<VerifyRequest>(request);
        if (body is null || !Uri.TryCreate(body.WebhookUrl, UriKind.Absolute, out var webhook))
        {
            return Results.BadRequest(new { error = "body must be {\"webhookUrl\", \"forged\"?}" });
        }

        return Results.Json(await caller.VerifyAsync(webhook, body.Forged, request.HttpContext.RequestAborted), Json);
    }

    private static object Summary(WeChatSimOrder o) => new
    {
        orderId = o.OrderId,
        status = o.Status,
        statusDesc = WeChatSimStatus.Describe(o.Status),
        orderPrice = o.OrderPrice,
        updateTime = o.UpdateTime,
    };

    private static object Describe(string id, WeChatBurstProgress p)
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
