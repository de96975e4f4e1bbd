using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ServerlessSync.Simulators.Douyin;

/// <summary>
/// <c>POST /douyin/order/searchList</c>: the same gateway checks as order.orderDetail, then the shop's orders (the shop is
/// the one the access token belongs to, see <see cref="DouyinSimulatorOptions.ShopAccessTokens"/>) filtered by the
/// requested time ranges, sorted, and cut into the requested page: <c>data{page, size, total, shop_order_list[]}</c>,
/// each entry a full shop order as order.orderDetail renders it.
/// </summary>
public static class DouyinSearchListEndpoint
{
    public const string Path = "/order/searchList";

    public static async Task<IResult> SearchListAsync(
        HttpContext http, DouyinOrderStore store, DouyinSimulatorOptions options, DouyinSimulatorFaults faults, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var (body, refusal) = await DouyinOpenApiEndpoints.AdmitAsync(http, Path, options, faults, now);
        if (refusal is not null)
        {
            return refusal;
        }

        var (query, error) = DouyinSearchListParams.Parse(body!, now.ToUnixTimeSeconds(), options.MaxSearchWindowHours);
        if (error is not null)
        {
            return DouyinOpenApiEndpoints.Envelope(error);
        }

        var shopId = ShopOf(http.Request.Query["access_token"].ToString(), options);
        var matching = store.List(shopId).Where(query!.Matches);
        var sorted = (query.Ascending
                ? matching.OrderBy(query.SortKey).ThenBy(o => o.OrderId.Length).ThenBy(o => o.OrderId, StringComparer.Ordinal)
                : matching.OrderByDescending(query.SortKey).ThenByDescending(o => o.OrderId.Length).ThenByDescending(o => o.OrderId, StringComparer.Ordinal))
            .ToList();
        var pageOrders = sorted.Skip((int)Math.Min(int.MaxValue, (long)query.Page * query.Size)).Take(query.Size);

        return DouyinOpenApiEndpoints.Envelope(DouyinOpenApiEnvelope.Ok(new JsonObject
        {
            ["page"] = query.Page,
            ["size"] = query.Size,
            ["total"] = sorted.Count,
            ["shop_order_list"] = new JsonArray(pageOrders.Select(o => (JsonNode)Entry(o, options)).ToArray()),
        }));
    }

    private static JsonObject Entry(DouyinSimOrder order, DouyinSimulatorOptions options)
    {
        var entry = DouyinOrderDetailJson.ShopOrderDetail(order);
        if (options.GarbledListOrderIds.Contains(order.OrderId))
        {
            entry["order_id"] = order.OrderId + "x";
        }

        return entry;
    }

    /// <summary>The platform binds an access token to one shop; tokens the simulator was not told about act for the demo shop.</summary>
    public static string ShopOf(string accessToken, DouyinSimulatorOptions options) =>
        options.ShopAccessTokens.TryGetValue(accessToken, out var shopId) ? shopId : DemoCatalog.ShopId;
}
