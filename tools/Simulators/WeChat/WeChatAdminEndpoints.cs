using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ServerlessSync.Simulators.Bursts;
using ServerlessSync.Simulators.Core;


namespace ServerlessSync.Simulators.WeChat;

/// <summary>
/// Test and demo controls under <c>/wechat/_sim</c>, mirroring Douyin's: start and watch bursts, list and create orders,
/// change an order's status (optionally pushing the matching event), send single genuine or forged pushes, and make
/// the URL-verification call.
/// </summary>
public static class WeChatAdminEndpoints
{
    public sealed record CreateOrdersRequest(int? Count);

    public sealed record StatusRequest(int Status, string? WebhookUrl);

    public sealed record PushRequest(string OrderId, string? Event, string WebhookUrl, bool Forged);

    public sealed record VerifyRequest(string WebhookUrl, bool Forged);

    /// <summary>Bound on orders created by one <c>POST /_sim/orders</c>.</summary>
    public const int MaxCreate = 10_000;

    public static RouteGroupBuilder MapWeChatAdmin(this RouteGroupBuilder group)
    {
        var sim = group.MapGroup("/_sim");
        sim.MapBursts(services => services.GetRequiredService<WeChatBurstRegistry>(), _ => new WeChatBurstPlan());
        sim.MapGet("/orders", (WeChatOrderStore store) => Results.Json(new { orders = store.List().Select(Summary) }, AdminJson.Options));
        sim.MapGet("/orders/{id}", (string id, WeChatOrderStore store, WeChatSimulatorOptions options) =>
            store.Find(id) is { } order ? WeChatSimAnswers.Send(WeChatOrderJson.Order(order, options.FreeGiftAsNumber)) : Results.NotFound());
        sim.MapPost("/orders", CreateOrdersAsync);
        sim.MapPost("/orders/{id}/status", SetStatusAsync);
        sim.MapPost("/push", PushAsync);
        SimSkuStock.Map<WeChatSimStock>(sim, WeChatSimStock.ShopId);
        sim.MapPost("/verify", VerifyAsync);
        return group;
    }

    private static async Task<IResult> CreateOrdersAsync(HttpRequest request, WeChatOrderStore store)
    {
        var body = await AdminJson.ReadAsync<CreateOrdersRequest>(request) ?? new CreateOrdersRequest(null);
        var count = body.Count ?? 1;
        if (count is < 1 or > MaxCreate)
        {
            return Results.BadRequest(new { error = $"count must be 1..{MaxCreate}" });
        }

        return Results.Json(new { orderIds = store.CreateOrders(count).Select(o => o.OrderId) }, AdminJson.Options);
    }

    private static async Task<IResult> SetStatusAsync(
        string id, HttpRequest request, WeChatOrderStore store, WeChatSimulatorOptions options, WeChatPushSender sender, TimeProvider time)
    {
        var body = await AdminJson.ReadAsync<StatusRequest>(request);
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

        SimPushDelivery? delivery = null;
        if (webhook is not null && WeChatPushBuilder.EventForStatus(order.Status) is { } eventName)
        {
            delivery = await sender.SendAsync(webhook, WeChatPushBuilder.Build(options, order, eventName, time.GetUtcNow()), request.HttpContext.RequestAborted);
        }

        return Results.Json(new { order = Summary(order), push = delivery }, AdminJson.Options);
    }

    private static async Task<IResult> PushAsync(HttpRequest request, WeChatOrderStore store, WeChatSimulatorOptions options, WeChatPushSender sender, TimeProvider time)
    {
        var body = await AdminJson.ReadAsync<PushRequest>(request);
        if (body is null || string.IsNullOrEmpty(body.OrderId) || !Uri.TryCreate(body.WebhookUrl, UriKind.Absolute, out var webhook))
        {
            return Results.BadRequest(new { error = "body must be {\"orderId\", \"event\"?, \"webhookUrl\", \"forged\"?}" });
        }

        if (store.Find(body.OrderId) is not { } order)
        {
            return Results.NotFound();
        }

        var eventName = body.Event ?? WeChatSimPushEvents.OrderPay;
        var push = body.Forged
            ? WeChatPushBuilder.Forge(options, order, eventName, time.GetUtcNow())
            : WeChatPushBuilder.Build(options, order, eventName, time.GetUtcNow());
        var delivery = await sender.SendAsync(webhook, push, request.HttpContext.RequestAborted);
        return Results.Json(new { msgKey = push.MsgKey, push = delivery }, AdminJson.Options);
    }

    private static async Task<IResult> VerifyAsync(HttpRequest request, WeChatHandshakeCaller caller)
    {
        var body = await AdminJson.ReadAsync<VerifyRequest>(request);
        if (body is null || !Uri.TryCreate(body.WebhookUrl, UriKind.Absolute, out var webhook))
        {
            return Results.BadRequest(new { error = "body must be {\"webhookUrl\", \"forged\"?}" });
        }

        return Results.Json(await caller.VerifyAsync(webhook, body.Forged, request.HttpContext.RequestAborted), AdminJson.Options);
    }

    private static object Summary(WeChatSimOrder o) => new
    {
        orderId = o.OrderId,
        status = o.Status,
        statusDesc = WeChatSimStatus.Describe(o.Status),
        orderPrice = o.OrderPrice,
        updateTime = o.UpdateTime,
        sellerNote = o.MerchantNotes,
        trackingNumbers = o.Parcels.Select(p => p.WaybillId).ToList(),
    };
}
