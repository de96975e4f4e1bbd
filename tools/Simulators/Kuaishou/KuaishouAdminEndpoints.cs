using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ServerlessSync.Simulators.Bursts;
using ServerlessSync.Simulators.Core;


namespace ServerlessSync.Simulators.Kuaishou;

/// <summary>
/// Test and demo controls under <c>/kuaishou/_sim</c>: start and watch bursts, list and create orders, change an order's
/// status (optionally pushing the matching event), send single genuine, heartbeat, undecryptable or non-Base64 pushes, and
/// see or set each seller's SKU stock (<c>_sim/stock?shopId=</c>, the seller id).
/// </summary>
public static class KuaishouAdminEndpoints
{
    public sealed record CreateOrdersRequest(int? Count, string? ShopId);

    public sealed record StatusRequest(int Status, int? RefundStatus, string? WebhookUrl);

    /// <summary><see cref="Kind"/>: <c>genuine</c> (default), <c>heartbeat</c>, <c>forged</c> (encrypted with another key) or <c>garbage</c> (not Base64).</summary>
    public sealed record PushRequest(string? OrderId, string? Event, string WebhookUrl, string? Kind);

    /// <summary>Bound on orders created by one <c>POST /_sim/orders</c>.</summary>
    public const int MaxCreate = 10_000;

    public static RouteGroupBuilder MapKuaishouAdmin(this RouteGroupBuilder group)
    {
        var sim = group.MapGroup("/_sim");
        sim.MapBursts(services => services.GetRequiredService<KuaishouBurstRegistry>(), request => new KuaishouBurstPlan { ShopId = request.ShopId });
        sim.MapGet("/orders", (string? shopId, KuaishouOrderStore store) =>
            Results.Json(new { orders = store.List(shopId).Select(Summary) }, AdminJson.Options));
        sim.MapGet("/orders/{id}", (string id, KuaishouOrderStore store) =>
            store.Find(id) is { } order ? Results.Text(KuaishouOrderDetailJson.OrderDetail(order).ToJsonString(), "application/json") : Results.NotFound());
        sim.MapPost("/orders", CreateOrdersAsync);
        sim.MapPost("/orders/{id}/status", SetStatusAsync);
        sim.MapPost("/push", PushAsync);
        SimSkuStock.Map<KuaishouSimStock>(sim, Demo.DemoPlatforms.ByName["kuaishou"].ShopId);
        return group;
    }

    private static async Task<IResult> CreateOrdersAsync(HttpRequest request, KuaishouOrderStore store)
    {
        var body = await AdminJson.ReadAsync<CreateOrdersRequest>(request) ?? new CreateOrdersRequest(null, null);
        var count = body.Count ?? 1;
        if (count is < 1 or > MaxCreate || body.ShopId is { } shop && (shop.Length is 0 or > 18 || !shop.All(char.IsAsciiDigit)))
        {
            return Results.BadRequest(new { error = $"count must be 1..{MaxCreate} and shopId a numeric seller id" });
        }

        var orders = store.CreateOrders(count, body.ShopId);
        return Results.Json(new { orderIds = orders.Select(o => o.Oid) }, AdminJson.Options);
    }

    private static async Task<IResult> SetStatusAsync(
        string id, HttpRequest request, KuaishouOrderStore store, KuaishouSimulatorOptions options, KuaishouPushSender sender)
    {
        var body = await AdminJson.ReadAsync<StatusRequest>(request);
        if (body is null || !KuaishouSimStatus.All.Contains(body.Status))
        {
            return Results.BadRequest(new { error = "body must be {\"status\": 10|30|40|50|70|80, \"refundStatus\"?: n, \"webhookUrl\"?: url}" });
        }

        Uri? webhook = null;
        if (body.WebhookUrl is not null && !Uri.TryCreate(body.WebhookUrl, UriKind.Absolute, out webhook))
        {
            return Results.BadRequest(new { error = "webhookUrl must be absolute" });
        }

        if (store.SetStatus(id, body.Status, body.RefundStatus) is not { } order)
        {
            return Results.NotFound();
        }

        SimPushDelivery? delivery = null;
        if (webhook is not null && KuaishouPushBuilder.EventForStatus(order.Status, body.RefundStatus) is { } eventName)
        {
            var push = KuaishouPushBuilder.Build(options, order, eventName, store.Ids.Next(), store.Ids.Next());
            delivery = await sender.SendAsync(webhook, push, request.HttpContext.RequestAborted);
        }

        return Results.Json(new { order = Summary(order), push = delivery }, AdminJson.Options);
    }

    private static async Task<IResult> PushAsync(HttpRequest request, KuaishouOrderStore store, KuaishouSimulatorOptions options, KuaishouPushSender sender)
    {
        var body = await AdminJson.ReadAsync<PushRequest>(request);
        var kind = body?.Kind ?? "genuine";
        if (body is null || !Uri.TryCreate(body.WebhookUrl, UriKind.Absolute, out var webhook) || kind is not ("genuine" or "heartbeat" or "forged" or "garbage"))
        {
            return Results.BadRequest(new { error = "body must be {\"orderId\"?, \"event\"?, \"webhookUrl\", \"kind\"?: genuine|heartbeat|forged|garbage}" });
        }

        KuaishouPush push;
        if (kind == "heartbeat")
        {
            push = KuaishouPushBuilder.Heartbeat(options, store.Ids.Next(), store.Ids.Next());
        }
        else if (body.OrderId is null || store.Find(body.OrderId) is not { } order)
        {
            return Results.NotFound();
        }
        else
        {
            push = KuaishouPushBuilder.Build(options, order, body.Event ?? KuaishouSimPushEvents.OrderPaid, store.Ids.Next(), store.Ids.Next());
            push = kind switch
            {
                "forged" => KuaishouPushBuilder.Forge(push),
                "garbage" => KuaishouPushBuilder.Garbage(push),
                _ => push,
            };
        }

        var delivery = await sender.SendAsync(webhook, push, request.HttpContext.RequestAborted);
        return Results.Json(new { msgId = push.MsgId, push = delivery }, AdminJson.Options);
    }

    private static object Summary(KuaishouSimOrder o) => new
    {
        orderId = o.Oid,
        shopId = o.SellerId,
        status = o.Status,
        statusDesc = KuaishouSimStatus.Describe(o.Status),
        refundStatus = o.RefundStatus,
        payAmount = o.PayAmount,
        updateTime = o.UpdateTime,
        sellerNote = string.Join('\n', o.Notes.Select(n => n.Note)),
        trackingNumbers = o.Parcels.Select(p => p.ExpressNo).ToList(),
    };
}
