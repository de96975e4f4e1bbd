using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ServerlessSync.Simulators.Bursts;
using ServerlessSync.Simulators.Core;


namespace ServerlessSync.Simulators.Douyin;

/// <summary>
/// Test and demo controls under <c>/douyin/_sim</c>: start and watch bursts, list and create orders, change an order's
/// status (optionally pushing the matching message), and send single genuine or forged pushes.
/// </summary>
public static class DouyinAdminEndpoints
{
    public sealed record CreateOrdersRequest(int? Count, string? ShopId);

    public sealed record StatusRequest(int OrderStatus, int? MainStatus, string? WebhookUrl);

    public sealed record PushRequest(string OrderId, string? Tag, string WebhookUrl, bool Forged);

    /// <summary>Bound on orders created by one <c>POST /_sim/orders</c>.</summary>
    public const int MaxCreate = 10_000;

    public static RouteGroupBuilder MapDouyinAdmin(this RouteGroupBuilder group)
    {
        var sim = group.MapGroup("/_sim");
        sim.MapBursts(services => services.GetRequiredService<DouyinBurstRegistry>(), request => new DouyinBurstPlan { ShopId = request.ShopId });
        sim.MapGet("/orders", (string? shopId, DouyinOrderStore store) =>
            Results.Json(new { orders = store.List(shopId).Select(Summary) }, AdminJson.Options));
        sim.MapGet("/orders/{id}", (string id, DouyinOrderStore store) =>
            store.Find(id) is { } order ? Results.Text(DouyinOrderDetailJson.ShopOrderDetail(order).ToJsonString(), "application/json") : Results.NotFound());
        sim.MapPost("/orders", CreateOrdersAsync);
        sim.MapPost("/orders/{id}/status", SetStatusAsync);
        sim.MapPost("/push", PushAsync);
        SimSkuStock.Map<DouyinSkuStock>(sim, DemoCatalog.ShopId);
        return group;
    }

    private static async Task<IResult> CreateOrdersAsync(HttpRequest request, DouyinOrderStore store)
    {
        var body = await AdminJson.ReadAsync<CreateOrdersRequest>(request) ?? new CreateOrdersRequest(null, null);
        var count = body.Count ?? 1;
        if (count is < 1 or > MaxCreate || body.ShopId is { } shop && !shop.All(char.IsAsciiDigit))
        {
            return Results.BadRequest(new { error = $"count must be 1..{MaxCreate} and shopId numeric" });
        }

        var orders = store.CreateOrders(count, body.ShopId);
        return Results.Json(new { orderIds = orders.Select(o => o.OrderId) }, AdminJson.Options);
    }

    private static async Task<IResult> SetStatusAsync(
        string id, HttpRequest request, DouyinOrderStore store, DouyinSimulatorOptions options, DouyinPushSender sender)
    {
        var body = await AdminJson.ReadAsync<StatusRequest>(request);
        if (body is null)
        {
            return Results.BadRequest(new { error = "body must be {\"orderStatus\": n, \"mainStatus\"?: n, \"webhookUrl\"?: url}" });
        }

        if (store.SetStatus(id, body.OrderStatus, body.MainStatus) is not { } order)
        {
            return Results.NotFound();
        }

        SimPushDelivery? delivery = null;
        if (body.WebhookUrl is not null && DouyinPushBuilder.TagForStatus(order.OrderStatus, order.MainStatus) is { } tag)
        {
            if (!Uri.TryCreate(body.WebhookUrl, UriKind.Absolute, out var webhook))
            {
                return Results.BadRequest(new { error = "webhookUrl must be absolute" });
            }

            var push = DouyinPushBuilder.Build(options.AppKey, options.AppSecret, order, tag, store.Ids.Next());
            delivery = await sender.SendAsync(webhook, push, request.HttpContext.RequestAborted);
        }

        return Results.Json(new { order = Summary(order), push = delivery }, AdminJson.Options);
    }

    private static async Task<IResult> PushAsync(HttpRequest request, DouyinOrderStore store, DouyinSimulatorOptions options, DouyinPushSender sender)
    {
        var body = await AdminJson.ReadAsync<PushRequest>(request);
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
        return Results.Json(new { msgId = push.MsgId, push = delivery }, AdminJson.Options);
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
        sellerNote = o.SellerWords,
        trackingNumbers = o.Parcels.Select(p => p.TrackingNo).ToList(),
    };
}
