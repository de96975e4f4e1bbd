using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ServerlessSync.Simulators.Taobao;

/// <summary>
/// Test and demo controls under <c>/taobao/_sim</c>: create trades (now, or spread over a past <c>modified</c> range), list
/// them, read one as the API renders it, and move one to another status (which moves its <c>modified</c>).
/// </summary>
public static class TaobaoAdminEndpoints
{
    /// <param name="ModifiedFrom">Beijing time <c>yyyy-MM-dd HH:mm:ss</c>; with <paramref name="ModifiedTo"/>, the range the trades' modified times are spread over.</param>
    public sealed record CreateOrdersRequest(int? Count, string? SellerNick, string? ModifiedFrom, string? ModifiedTo);

    public sealed record StatusRequest(string? Status);

    /// <summary>Bound on trades created by one <c>POST /_sim/orders</c>.</summary>
    public const int MaxCreate = 10_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static RouteGroupBuilder MapTaobaoAdmin(this RouteGroupBuilder group)
    {
        var sim = group.MapGroup("/_sim");
        sim.MapGet("/orders", (string? sellerNick, TaobaoOrderStore store) =>
            Results.Json(new { orders = store.List(sellerNick).Select(Summary) }, Json));
        sim.MapGet("/orders/{tid}", (string tid, TaobaoOrderStore store) =>
            store.Find(tid) is { } order ? Results.Text(TaobaoTradeJson.Trade(order).ToJsonString(), "application/json") : Results.NotFound());
        sim.MapPost("/orders", CreateOrdersAsync);
        sim.MapPost("/orders/{tid}/status", SetStatusAsync);
        sim.MapGet("/list-calls", (TaobaoCallLog log) => Results.Json(new { calls = log.ListCalls() }, Json));
        SimSkuStock.Map<TaobaoSimStock>(sim, Demo.DemoPlatforms.ByName["taobao"].ShopId);
        return group;
    }

    private static async Task<IResult> CreateOrdersAsync(HttpRequest request, TaobaoOrderStore store)
    {
        var body = await ReadAsync<CreateOrdersRequest>(request) ?? new CreateOrdersRequest(null, null, null, null);
        var count = body.Count ?? 1;
        if (count is < 1 or > MaxCreate || body.SellerNick is "")
        {
            return Results.BadRequest(new { error = $"count must be 1..{MaxCreate}" });
        }

        DateTimeOffset? from = null, to = null;
        if (body.ModifiedFrom is not null || body.ModifiedTo is not null)
        {
            if (!TaobaoSimTime.TryParse(body.ModifiedFrom, out var f) || !TaobaoSimTime.TryParse(body.ModifiedTo ?? body.ModifiedFrom, out var t) || t < f)
            {
                return Results.BadRequest(new { error = "modifiedFrom/modifiedTo must be yyyy-MM-dd HH:mm:ss (Beijing), from <= to" });
            }

            (from, to) = (f, t);
        }

        var orders = store.CreateOrders(count, body.SellerNick, from, to);
        return Results.Json(new { tids = orders.Select(o => o.Tid) }, Json);
    }

    private static async Task<IResult> SetStatusAsync(string tid, HttpRequest request, TaobaoOrderStore store)
    {
        var body = await ReadAsync<StatusRequest>(request);
        if (body?.Status is null || !TaobaoSimStatus.All.Contains(body.Status))
        {
            return Results.BadRequest(new { error = $"body must be {{\"status\": one of {string.Join(", ", TaobaoSimStatus.All)}}}" });
        }

        return store.SetStatus(tid, body.Status) is { } order ? Results.Json(new { order = Summary(order) }, Json) : Results.NotFound();
    }

    private static object Summary(TaobaoSimOrder o) => new
    {
        tid = o.Tid,
        sellerNick = o.SellerNick,
        status = o.Status,
        payment = TaobaoSimMoney.ToYuan(o.Payment),
        modified = TaobaoSimTime.ToText(o.Modified),
        lines = o.Lines.Count,
        sellerNote = o.SellerMemo ?? "",
        trackingNumbers = o.Lines.Select(l => l.InvoiceNo).OfType<string>().Distinct().ToList(),
    };

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
